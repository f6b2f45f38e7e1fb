import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { Api, changePassword, getAccount, HistoryItemDto, AccountDto, signOutEverywhere, updateAccount } from '@streaming/api';
import { errorMessage } from '../../core/http/error-message';
import { ViewerLibrary } from '../../core/library/viewer-library';
import { Notifier } from '../../core/notify/notifier';
import { AuthFlow } from '../../core/session/auth-flow';
import { SessionStore } from '../../core/session/session.store';
import { fieldError } from '../../shared/forms/field-errors';
import { notBlank } from '../../shared/forms/not-blank.validator';
import { passwordBytes } from '../../shared/forms/password-bytes.validator';

@Component({
  selector: 'app-account-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink],
  templateUrl: './account-page.html',
  styleUrl: './account-page.scss',
})
export class AccountPage implements OnInit {
  private readonly api = inject(Api);
  private readonly session = inject(SessionStore);
  private readonly auth = inject(AuthFlow);
  private readonly library = inject(ViewerLibrary);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly forms = inject(NonNullableFormBuilder);

  protected readonly profile = signal<AccountDto | null>(null);
  protected readonly history = signal<HistoryItemDto[] | null>(null);
  protected readonly failure = signal<string | null>(null);
  protected readonly busy = signal<'name' | 'password' | 'everywhere' | null>(null);
  protected readonly fieldError = fieldError;
  protected readonly nameForm = this.forms.group({ name: ['', [Validators.required, Validators.maxLength(100), notBlank]] });
  protected readonly passwordForm = this.forms.group({
    currentPassword: ['', [Validators.required]],
    newPassword: ['', [Validators.required, passwordBytes]],
  });

  async ngOnInit(): Promise<void> {
    try {
      const [profile, history] = await Promise.all([this.api.invoke(getAccount), this.library.history()]);
      this.profile.set(profile);
      this.nameForm.setValue({ name: profile.name });
      this.history.set(history.items);
    } catch (error) {
      this.failure.set(errorMessage(error, 'Your account could not be loaded.'));
    }
  }

  protected async saveName(): Promise<void> {
    this.nameForm.markAllAsTouched();
    if (this.nameForm.invalid || this.busy()) return;
    this.busy.set('name');
    try {
      const profile = await this.api.invoke(updateAccount, { body: { name: this.nameForm.getRawValue().name } });
      this.profile.set(profile);
      this.session.rename(profile.name);
      this.nameForm.markAsPristine();
      this.notifier.info('Your name was saved.');
    } catch (error) {
      this.notifier.error(errorMessage(error, 'Your name could not be saved.'));
    } finally {
      this.busy.set(null);
    }
  }

  protected async savePassword(): Promise<void> {
    this.passwordForm.markAllAsTouched();
    if (this.passwordForm.invalid || this.busy()) return;
    this.busy.set('password');
    try {
      await this.api.invoke(changePassword, { body: this.passwordForm.getRawValue() });
      this.passwordForm.reset();
      this.notifier.info('Password changed. Your other devices have been signed out.');
    } catch (error) {
      this.notifier.error(errorMessage(error, 'Your password could not be changed.'));
    } finally {
      this.busy.set(null);
    }
  }

  protected async signOutEverywhere(): Promise<void> {
    if (this.busy()) return;
    this.busy.set('everywhere');
    try {
      await this.api.invoke(signOutEverywhere);
      this.auth.forgetLocally();
      this.notifier.info('You have been signed out on every device.');
      await this.router.navigate(['/signin']);
    } catch (error) {
      this.notifier.error(errorMessage(error, 'Could not sign out everywhere. Please try again.'));
    } finally {
      this.busy.set(null);
    }
  }

  protected async signOut(): Promise<void> {
    await this.auth.signOut();
    await this.router.navigate(['/signin']);
  }

  protected async removeFromHistory(titleId: string): Promise<void> {
    const before = this.history();
    this.history.update((items) => (items ?? []).filter((item) => item.title.id !== titleId));
    try {
      await this.library.forgetProgress(titleId);
    } catch (error) {
      this.history.set(before);
      this.notifier.error(errorMessage(error, 'That title could not be removed from your history.'));
    }
  }

  protected watchedPercent(item: HistoryItemDto): number {
    return item.completed ? 100 : Math.round((item.position / item.duration) * 100);
  }
}
