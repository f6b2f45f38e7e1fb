import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { GenreCountDto } from '@streaming/api';
import { ViewerLibrary } from '../library/viewer-library';
import { Router, RouterLink, RouterLinkActive } from '@angular/router';
import { SessionStore } from '../session/session.store';
import { AuthFlow } from '../session/auth-flow';
import { BRAND } from './branded-title-strategy';

@Component({
  selector: 'app-top-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive],
  templateUrl: './top-nav.html',
  styleUrl: './top-nav.scss',
  host: { '(window:scroll)': 'onScroll()' },
})
export class TopNav {
  protected readonly brand = BRAND;
  protected readonly session = inject(SessionStore);
  protected readonly scrolled = signal(false);
  private readonly auth = inject(AuthFlow);
  private readonly router = inject(Router);
  private readonly library = inject(ViewerLibrary);
  /** The genre menu, filled from /catalog/genres the first time it opens. */
  protected readonly genres = signal<GenreCountDto[] | null>(null);
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

  protected async signOut(): Promise<void> {
    await this.auth.signOut();
    await this.router.navigate(['/signin']);
  }
}
