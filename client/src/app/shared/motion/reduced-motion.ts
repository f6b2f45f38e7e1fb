/** The viewer asked their system for less motion: no smooth scrolling, no zooming. */
export function prefersReducedMotion(view: Window | null): boolean {
  return view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}
