import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { TitleSummaryDto } from '@streaming/api';
import { errorMessage } from '../../core/http/error-message';
import { ViewerLibrary } from '../../core/library/viewer-library';
import { Notifier } from '../../core/notify/notifier';
import { TitleGrid } from '../../shared/title-grid/title-grid';

@Component({
  selector: 'app-my-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TitleGrid, RouterLink],
  templateUrl: './my-list-page.html',
  styleUrl: './my-list-page.scss',
})
export class MyListPage implements OnInit {
  private readonly library = inject(ViewerLibrary);
  private readonly notifier = inject(Notifier);
  protected readonly items = signal<TitleSummaryDto[] | null>(null);
  protected readonly failure = signal<string | null>(null);

  async ngOnInit(): Promise<void> {
    try {
      this.items.set((await this.library.myList()).items);
    } catch (error) {
      this.failure.set(errorMessage(error, 'My List could not be loaded.'));
    }
  }

  protected async remove(titleId: string): Promise<void> {
    const before = this.items();
    this.items.update((items) => (items ?? []).filter((item) => item.id !== titleId));
    try {
      await this.library.removeFromList(titleId);
    } catch (error) {
      this.items.set(before);
      this.notifier.error(errorMessage(error, 'My List could not be updated.'));
    }
  }
}
