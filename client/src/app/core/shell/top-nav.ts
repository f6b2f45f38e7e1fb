import { ChangeDetectionStrategy, Component, ElementRef, inject, linkedSignal, signal } from '@angular/core';
import { Router, RouterLink, RouterLinkActive } from '@angular/router';
import type { GenreCountDto } from '@streaming/api';
import { ViewerLibrary } from '../library/viewer-library';
import { AuthFlow } from '../session/auth-flow';
import { SessionStore } from '../session/session.store';
import { BRAND } from './branded-title-strategy';

@Component({
  selector: 'app-top-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive],
  templateUrl: './top-nav.html',
  styleUrl: './top-nav.scss',
  host: {
    '(window:scroll)': 'onScroll()',
    '(document:click)': 'closeMenuOutside($event)',
    '(document:keydown.escape)': 'closeMenu()',
  },
})
export class TopNav {
  protected readonly brand = BRAND;
  protected readonly session = inject(SessionStore);
  protected readonly scrolled = signal(false);
  protected readonly menuOpen = signal(false);
  private readonly auth = inject(AuthFlow);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly library = inject(ViewerLibrary);
  /** The genre menu, filled from /catalog/genres the first time it opens; emptied when the profile changes, whose ceiling decides the genres. */
  protected readonly genres = linkedSignal<string | undefined, GenreCountDto[] | null>({ source: () => this.session.profile()?.id, computation: () => null });
  protected readonly genresFailed = signal(false);

  protected onGenresToggle(menu: HTMLDetailsElement): void {
    if (!menu.open || this.genres()) return;
    this.genresFailed.set(false);
    this.library.genres().then(
      (list) => this.genres.set(list.items),
      () => this.genresFailed.set(true),
    );
  }

  protected onScroll(): void {
    this.scrolled.set(window.scrollY > 8);
  }

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  protected closeMenu(): void {
    this.menuOpen.set(false);
  }

  protected closeMenuOutside(event: Event): void {
    if (this.menuOpen() && !this.host.nativeElement.querySelector('.who')?.contains(event.target as Node)) this.closeMenu();
  }

  protected async signOut(): Promise<void> {
    this.closeMenu();
    await this.auth.signOut();
    await this.router.navigate(['/signin']);
  }
}
