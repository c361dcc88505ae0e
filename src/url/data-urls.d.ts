// data-urls (jsdom's, the fetch standard's data: URL processor) ships no types: the part used here.
declare module 'data-urls' {
  interface DataUrl {
    mimeType: { essence: string; parameters: { get(name: string): string | undefined } };
    body: Uint8Array;
  }
  function parseDataURL(input: string): DataUrl | null;
  export default parseDataURL;
}
