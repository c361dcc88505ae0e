/** A page whose images' hidden verdict and size pixelaudit must read as Chromium renders them. */
export interface VisibilityCase {
  id: string;
  /** What the case proves. */
  why: string;
  /** Every image URL in it is distinct, so the two sides match by URL. */
  html: string;
  /**
   * Dimensions the markup or CSS sets, which pixelaudit must then report (and equal to what
   * Chromium renders); a dimension pixelaudit reports on its own is compared too.
   */
  declared?: Array<'width' | 'height'>;
  /**
   * Also count the pixels Chromium paints of each image (test/browser/painted-pixels.ts): none
   * painted is hidden, a strip of 3 px or less is tiny. For what layout cannot tell (filters,
   * clipping wrappers); the page's background must stay white.
   */
  painted?: boolean;
}
