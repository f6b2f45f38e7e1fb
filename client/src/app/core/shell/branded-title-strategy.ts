import { inject, Injectable } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';

export const BRAND = 'Nightreel';

/** "Page · Nightreel" in the tab; pages with a title of their own (a film) set it themselves. */
@Injectable()
export class BrandedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const page = this.buildTitle(snapshot);
    this.title.setTitle(page ? `${page} · ${BRAND}` : BRAND);
  }
}
