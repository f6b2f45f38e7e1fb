import { DOCUMENT } from '@angular/common';
import { inject, Injectable } from '@angular/core';

export type Shaka = typeof import('shaka-player/dist/shaka-player.ui').default;

// Copied from shaka-player at build time (see client/project.json assets), fetched only by the player.
const CONTROLS_CSS = 'shaka/controls.css';

/** Loads Shaka Player and its UI styles on first use, so neither weighs on the initial bundle. */
@Injectable({ providedIn: 'root' })
export class ShakaLoader {
  private readonly document = inject(DOCUMENT);
  private loading?: Promise<Shaka>;

  load(): Promise<Shaka> {
    this.loading ??= Promise.all([import('shaka-player/dist/shaka-player.ui'), this.loadStyles()]).then(([module]) => {
      const shaka = module.default;
      shaka.polyfill.installAll();
      // For the bench's time line of a cold Play (tools/bench/lib/client.mjs).
      performance.mark('shaka:ready');
      return shaka;
    });
    return this.loading;
  }

  private loadStyles(): Promise<void> {
    if (this.document.querySelector(`link[href="${CONTROLS_CSS}"]`)) return Promise.resolve();
    return new Promise((resolve) => {
      const link = this.document.createElement('link');
      link.rel = 'stylesheet';
      link.href = CONTROLS_CSS;
      // Unstyled controls are still controls: never block playback on the stylesheet.
      link.onload = link.onerror = () => resolve();
      this.document.head.appendChild(link);
    });
  }
}
