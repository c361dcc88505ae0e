/**
 * A newsletter template of the kind `check` is for (a pixel, a tracked link, a template tag): what
 * the build runs `check` on to make the code cache, and what the start-up bench checks.
 */
export const SAMPLE_TEMPLATE =
  '<html><body><p>Hi {{ user.name }}</p><img src="https://t.example.com/o.gif?u={{ user.id }}" width="1" height="1">' + '<a href="https://shop.example.com/?utm_source=n&utm_content={{ uuid }}">shop</a>{{ TrackView }}</body></html>\n';
