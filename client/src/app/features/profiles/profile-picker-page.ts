import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, OnInit, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import type { ProfileDto } from '@streaming/api';
import { errorMessage } from '../../core/http/error-message';
import { retryAfterInWords } from '../../core/http/retry-after';
import { safeReturnUrl } from '../../core/http/return-url';
import { ProfileSwitcher } from '../../core/profiles/profile-switcher';
import { SessionStore } from '../../core/session/session.store';

/** What a failed choice of a locked profile says to the viewer. */
export function pinFailureMessage(error: unknown): string {
  if (error instanceof HttpErrorResponse && error.status === 403) return 'That PIN is not right. Try again.';
  if (error instanceof HttpErrorResponse && error.status === 429) return `Too many wrong PINs. Try again ${retryAfterInWords(error)}.`;
  return errorMessage(error, 'That profile could not be opened. Please try again.');
}

/** "Who's watching?": the account's profiles; a locked one asks for its PIN. */
@Component({
  selector: 'app-profile-picker-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink],
  templateUrl: './profile-picker-page.html',
  styleUrl: './profile-picker-page.scss',
})
export class ProfilePickerPage implements OnInit {
  /** Where the viewer was going before being asked who is watching. */
  readonly returnUrl = input<string>();

  private readonly switcher = inject(ProfileSwitcher);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly pinInput = viewChild<ElementRef<HTMLInputElement>>('pinInput');

  protected readonly profiles = signal<ProfileDto[] | null>(null);
  protected readonly failure = signal<string | null>(null);
  /** The locked profile whose PIN is being asked for. */
  protected readonly asking = signal<ProfileDto | null>(null);
  protected readonly pinFailure = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly current = computed(() => this.session.profile());
  /** Only a grown-up's profile, once chosen, may manage profiles (the API refuses the others). */
  protected readonly canManage = computed(() => this.current() !== null && !this.current()?.kids);
  protected readonly pin = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/^\d{4}$/)] });
  protected readonly pinForm = new FormGroup({ pin: this.pin });

  ngOnInit(): Promise<void> {
    return this.load();
  }

  protected async load(): Promise<void> {
    this.failure.set(null);
    try {
      this.profiles.set(await this.switcher.list());
    } catch (error) {
      this.failure.set(errorMessage(error, 'Your profiles could not be loaded.'));
    }
  }

  protected async choose(profile: ProfileDto): Promise<void> {
    // The profile already chosen needs no PIN again: this login has given it.
    if (profile.locked && profile.id !== this.current()?.id) {
      this.asking.set(profile);
      this.pin.reset();
      this.pinFailure.set(null);
      setTimeout(() => this.pinInput()?.nativeElement.focus());
      return;
    }
    await this.open(profile);
  }

  protected async submitPin(): Promise<void> {
    const profile = this.asking();
    this.pin.markAsTouched();
    if (!profile || this.busy()) return;
    if (this.pin.invalid) {
      this.pinFailure.set('Enter the 4 digits of the PIN.');
      return;
    }
    await this.open(profile, this.pin.value);
  }

  protected cancelPin(): void {
    this.asking.set(null);
    this.pinFailure.set(null);
  }

  private async open(profile: ProfileDto, pin?: string): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.pinFailure.set(null);
    this.failure.set(null);
    try {
      await this.switcher.choose(profile, pin);
      await this.router.navigateByUrl(this.destination());
    } catch (error) {
      if (pin === undefined) {
        this.failure.set(errorMessage(error, 'That profile could not be opened. Please try again.'));
      } else {
        this.pinFailure.set(pinFailureMessage(error));
        this.pin.reset();
        setTimeout(() => this.pinInput()?.nativeElement.focus());
      }
    } finally {
      this.busy.set(false);
    }
  }

  private destination(): string {
    const url = safeReturnUrl(this.returnUrl());
    return url.startsWith('/profiles') ? '/' : url;
  }
}
