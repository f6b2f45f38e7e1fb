import { ChangeDetectionStrategy, Component, DOCUMENT, effect, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { ProfileSwitcher } from './core/profiles/profile-switcher';
import { SessionStore } from './core/session/session.store';
import { Notices } from './core/shell/notices';
import { TopNav } from './core/shell/top-nav';

@Component({
  imports: [RouterOutlet, TopNav, Notices],
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);
  /** The player takes the whole screen; everywhere else shows the navigation. */
  protected readonly immersive = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.router.url.startsWith('/play/')),
    ),
    { initialValue: false },
  );

  constructor() {
    // Follows profile changes made in other tabs from the start.
    inject(ProfileSwitcher);
    // A kids profile gets the kids look everywhere, the page's background included.
    const root = inject(DOCUMENT).documentElement;
    effect(() => root.classList.toggle('kids', this.session.profile()?.kids === true));
  }
}
