import { afterNextRender, DestroyRef, Directive, effect, ElementRef, inject, input, output } from '@angular/core';

/**
 * Put on an element after a growing list: `reached` fires when it comes within `margin` of the
 * viewport. `watch` is anything that changes when a page lands (the item count): the element is
 * looked at again then, so a page too short to fill the screen asks for the next one at once.
 */
@Directive({ selector: '[appInfiniteScroll]' })
export class InfiniteScroll {
  readonly watch = input<unknown>(undefined, { alias: 'appInfiniteScroll' });
  readonly margin = input('600px');
  readonly reached = output<void>();

  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private observer?: IntersectionObserver;

  constructor() {
    afterNextRender(() => {
      // Browsers without IntersectionObserver (and unit tests) keep the page's "More" button.
      if (typeof IntersectionObserver === 'undefined') return;
      this.observer = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this.reached.emit();
      }, { rootMargin: `${this.margin()} 0px` });
      this.observer.observe(this.element);
    });
    effect(() => {
      this.watch();
      // Observing again reports the element's current state: still in view means load more.
      this.observer?.unobserve(this.element);
      this.observer?.observe(this.element);
    });
    inject(DestroyRef).onDestroy(() => this.observer?.disconnect());
  }
}
