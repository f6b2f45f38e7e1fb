import { Injectable, signal } from '@angular/core';

export interface Notice {
  id: number;
  text: string;
  kind: 'error' | 'info';
}

const VISIBLE_MS = 6000;

/** Messages for the viewer (errors above all), shown by the app shell and dismissed after a while. */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private nextId = 1;
  private readonly list = signal<Notice[]>([]);
  readonly notices = this.list.asReadonly();

  error(text: string): void {
    this.push(text, 'error');
  }

  info(text: string): void {
    this.push(text, 'info');
  }

  dismiss(id: number): void {
    this.list.update((notices) => notices.filter((notice) => notice.id !== id));
  }

  private push(text: string, kind: Notice['kind']): void {
    // The same message twice in a row says nothing new.
    if (this.list().some((notice) => notice.text === text)) return;
    const id = this.nextId++;
    this.list.update((notices) => [...notices.slice(-2), { id, text, kind }]);
    setTimeout(() => this.dismiss(id), VISIBLE_MS);
  }
}
