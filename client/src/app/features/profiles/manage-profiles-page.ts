import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, OnInit, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import {
  Api,
  AvatarDto,
  AvatarKey,
  createProfile,
  deleteProfile,
  listAvatars,
  MATURITY_RATING,
  MaturityRating,
  ProfileDto,
  removeProfilePin,
  setProfilePin,
  updateProfile,
} from '@streaming/api';
import { errorMessage } from '../../core/http/error-message';
import { Notifier } from '../../core/notify/notifier';
import { ProfileSwitcher } from '../../core/profiles/profile-switcher';
import { SessionStore } from '../../core/session/session.store';
import { fieldError } from '../../shared/forms/field-errors';
import { notBlank } from '../../shared/forms/not-blank.validator';

/** The most a kids profile may be allowed (TV-Y7 / PG and their level); the API checks it too. */
const KIDS_CEILINGS = MATURITY_RATING.slice(0, MATURITY_RATING.indexOf('TV-PG') + 1);
const KIDS_DEFAULT_CEILING: MaturityRating = 'TV-Y7';
const DEFAULT_CEILING: MaturityRating = 'NC-17';

/** Which panel of the page is open, and for which profile. */
type Panel = { kind: 'create' } | { kind: 'edit' | 'lock' | 'unlock' | 'delete'; profile: ProfileDto };

/** Manage profiles: add, rename, avatar, kids, maturity, autoplay, lock with a PIN, delete. */
@Component({
  selector: 'app-manage-profiles-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink],
  templateUrl: './manage-profiles-page.html',
  styleUrl: './manage-profiles-page.scss',
})
export class ManageProfilesPage implements OnInit {
  private readonly api = inject(Api);
  private readonly switcher = inject(ProfileSwitcher);
  private readonly session = inject(SessionStore);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly forms = inject(NonNullableFormBuilder);

  protected readonly profiles = signal<ProfileDto[] | null>(null);
  protected readonly avatars = signal<AvatarDto[]>([]);
  protected readonly failure = signal<string | null>(null);
  protected readonly panel = signal<Panel | null>(null);
  /** The server's refusal of what the open panel sent. */
  protected readonly panelFailure = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly currentId = computed(() => this.session.profile()?.id ?? null);
  protected readonly fieldError = fieldError;

  protected readonly editor = this.forms.group({
    name: ['', [Validators.required, Validators.maxLength(100), notBlank]],
    avatar: ['ember' as AvatarKey],
    kids: [false],
    maturityCeiling: [DEFAULT_CEILING],
    autoplayNext: [true],
  });
  protected readonly lockForm = this.forms.group({
    pin: ['', [Validators.required, Validators.pattern(/^\d{4}$/)]],
    password: ['', [Validators.required]],
  });
  protected readonly unlockForm = this.forms.group({ password: ['', [Validators.required]] });
  private readonly editorKids = signal(false);
  /** The ceilings the editor offers: a kids profile's stop at TV-Y7 / PG. */
  protected readonly ceilings = computed(() => (this.editorKids() ? KIDS_CEILINGS : MATURITY_RATING));

  private readonly dialog = viewChild<ElementRef<HTMLElement>>('dialog');

  constructor() {
    // An opened panel takes the focus, so keyboard and screen reader users land in it.
    effect(() => this.dialog()?.nativeElement.querySelector<HTMLElement>('input, button')?.focus());
    this.editor.controls.kids.valueChanges.subscribe((kids) => {
      this.editorKids.set(kids);
      const ceiling = this.editor.controls.maturityCeiling;
      if (kids && !KIDS_CEILINGS.includes(ceiling.value)) ceiling.setValue(KIDS_DEFAULT_CEILING);
    });
  }

  async ngOnInit(): Promise<void> {
    try {
      const [avatars] = await Promise.all([this.api.invoke(listAvatars), this.reload()]);
      this.avatars.set(avatars.items);
    } catch (error) {
      this.failure.set(errorMessage(error, 'Your profiles could not be loaded.'));
    }
  }

  protected openCreate(): void {
    const taken = new Set((this.profiles() ?? []).map((profile) => profile.avatar));
    const avatar = this.avatars().find((candidate) => !taken.has(candidate.key))?.key ?? 'ember';
    this.editor.reset({ name: '', avatar, kids: false, maturityCeiling: DEFAULT_CEILING, autoplayNext: true });
    this.open({ kind: 'create' });
  }

  protected openEdit(profile: ProfileDto): void {
    this.editor.reset({ name: profile.name, avatar: profile.avatar, kids: profile.kids, maturityCeiling: profile.maturityCeiling, autoplayNext: profile.autoplayNext });
    this.open({ kind: 'edit', profile });
  }

  protected openLock(profile: ProfileDto): void {
    this.lockForm.reset();
    this.open({ kind: profile.locked ? 'unlock' : 'lock', profile });
  }

  protected openDelete(profile: ProfileDto): void {
    this.open({ kind: 'delete', profile });
  }

  protected close(): void {
    this.panel.set(null);
    this.panelFailure.set(null);
    this.unlockForm.reset();
    this.lockForm.reset();
  }

  protected async saveProfile(): Promise<void> {
    const panel = this.panel();
    this.editor.markAllAsTouched();
    if (!panel || this.editor.invalid) return;
    const body = this.editor.getRawValue();
    await this.run(async () => {
      if (panel.kind === 'create') {
        const created = await this.api.invoke(createProfile, { body });
        this.notifier.info(`Profile ${created.name} was added.`);
      } else if (panel.kind === 'edit') {
        const updated = await this.api.invoke(updateProfile, { id: panel.profile.id, body });
        this.switcher.chosenProfileChanged(updated);
        this.notifier.info(`Profile ${updated.name} was saved.`);
        // Made a kids profile, the one in use may no longer manage profiles.
        if (updated.id === this.currentId() && updated.kids) await this.router.navigateByUrl('/');
      }
    });
  }

  protected async saveLock(): Promise<void> {
    const panel = this.panel();
    this.lockForm.markAllAsTouched();
    if (panel?.kind !== 'lock' || this.lockForm.invalid) return;
    await this.run(async () => {
      await this.api.invoke(setProfilePin, { id: panel.profile.id, body: this.lockForm.getRawValue() });
      this.notifier.info(`Profile ${panel.profile.name} is locked: choosing it asks for the PIN.`);
    });
  }

  protected async saveUnlock(): Promise<void> {
    const panel = this.panel();
    this.unlockForm.markAllAsTouched();
    if (panel?.kind !== 'unlock' || this.unlockForm.invalid) return;
    await this.run(async () => {
      await this.api.invoke(removeProfilePin, { id: panel.profile.id, body: this.unlockForm.getRawValue() });
      this.notifier.info(`Profile ${panel.profile.name} is no longer locked.`);
    });
  }

  protected async confirmDelete(): Promise<void> {
    const panel = this.panel();
    if (panel?.kind !== 'delete') return;
    await this.run(async () => {
      await this.api.invoke(deleteProfile, { id: panel.profile.id });
      this.notifier.info(`Profile ${panel.profile.name} was deleted.`);
    });
  }

  protected editedName(panel: Panel): string {
    return panel.kind === 'create' ? '' : panel.profile.name;
  }

  protected lockPinError(): string | null {
    const pin = this.lockForm.controls.pin;
    return pin.errors && (pin.dirty || pin.touched) ? 'Enter 4 digits.' : null;
  }

  private open(panel: Panel): void {
    this.panelFailure.set(null);
    this.editorKids.set(this.editor.controls.kids.value);
    this.panel.set(panel);
  }

  /** Sends a panel's change; on success the panel closes and the list is read again, else the server's words are shown. */
  private async run(change: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.panelFailure.set(null);
    try {
      await change();
      this.close();
      await this.reload();
    } catch (error) {
      this.panelFailure.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  private async reload(): Promise<void> {
    this.profiles.set(await this.switcher.list());
  }
}
