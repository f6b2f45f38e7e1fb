import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import { LoginThrottle } from '../auth/login-throttle.service';
import { PasswordHasher } from '../auth/password-hasher.service';
import { TokensService } from '../auth/tokens.service';
import { DEFAULT_CEILING, DEFAULT_KIDS_CEILING, KIDS_MAX_LEVEL, maturityLevel } from '../catalog/maturity';
import { Clock } from '../common/clock/clock';
import { AuthenticatedUser } from '../common/decorators/current-user.decorator';
import { Transactions } from '../common/transactions/transactions';
import { AppConfig } from '../config/app-config';
import { HomePages } from '../recs/home-pages.service';
import { UsersService } from '../users/users.service';
import { AVATAR_KEYS, avatarFor } from './avatars';
import { AvatarListDto } from './dto/avatar-list.dto';
import { CreateProfileDto } from './dto/create-profile.dto';
import { ProfileListDto } from './dto/profile-list.dto';
import { ProfileDto } from './dto/profile.dto';
import { SelectedProfileDto } from './dto/selected-profile.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { Profile, ProfileChanges } from './profile';
import { MAX_PROFILES, newProfileId, ProfileDirectory } from './profile-directory.service';
import { ProfileRepository } from './profile.repository';

/** Bumped when the avatar drawings change, so long-cached images are fetched anew. */
export const AVATAR_VERSION = 1;

/** A kids profile's ceiling must be at most TV-Y7/PG: 400 saying so otherwise. */
function checkKidsCeiling(kids: boolean, ceiling: string): void {
  if (kids && maturityLevel(ceiling) > KIDS_MAX_LEVEL) {
    throw new BadRequestException(`maturityCeiling of a kids profile must be at most TV-Y7 / PG (got ${ceiling})`);
  }
}

/** Profiles of an account: who is watching, what they may see, and whether choosing them asks for a PIN. */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly directory: ProfileDirectory,
    private readonly profiles: ProfileRepository,
    private readonly tokens: TokensService,
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly transactions: Transactions,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly homePages: HomePages,
  ) {}

  toDto(profile: Profile): ProfileDto {
    return {
      id: profile.id,
      name: profile.name,
      avatar: profile.avatar,
      avatarUrl: this.avatarUrl(profile.avatar),
      kids: profile.kids,
      maturityCeiling: profile.maturityCeiling,
      locked: profile.pinHash !== null,
      autoplayNext: profile.autoplayNext,
    };
  }

  async list(userId: string): Promise<ProfileListDto> {
    return { items: (await this.directory.list(userId)).map((profile) => this.toDto(profile)) };
  }

  avatars(): AvatarListDto {
    return { items: AVATAR_KEYS.map((key) => ({ key, url: this.avatarUrl(key) })) };
  }

  async create(userId: string, body: CreateProfileDto): Promise<ProfileDto> {
    const existing = await this.profiles.listByUser(userId);
    const kids = body.kids ?? false;
    const maturityCeiling = body.maturityCeiling ?? (kids ? DEFAULT_KIDS_CEILING : DEFAULT_CEILING);
    checkKidsCeiling(kids, maturityCeiling);
    const profile: Profile = {
      id: newProfileId(),
      userId,
      name: body.name,
      avatar: body.avatar ?? avatarFor(existing.length),
      kids,
      maturityCeiling,
      pinHash: null,
      autoplayNext: body.autoplayNext ?? true,
      createdAt: this.clock.now(),
    };
    if (!(await this.profiles.add(profile, MAX_PROFILES))) throw new ConflictException(`An account has at most ${MAX_PROFILES} profiles`);
    await this.directory.changed(userId);
    return this.toDto(profile);
  }

  async update(userId: string, id: string, body: UpdateProfileDto): Promise<ProfileDto> {
    const current = await this.owned(userId, id);
    const kids = body.kids ?? current.kids;
    // Becoming a kids profile without a ceiling given brings the ceiling down to a kids' one.
    const maturityCeiling = body.maturityCeiling ?? (kids && !current.kids && maturityLevel(current.maturityCeiling) > KIDS_MAX_LEVEL ? DEFAULT_KIDS_CEILING : current.maturityCeiling);
    checkKidsCeiling(kids, maturityCeiling);
    const changes: ProfileChanges = { kids, maturityCeiling };
    if (body.name !== undefined) changes.name = body.name;
    if (body.avatar !== undefined) changes.avatar = body.avatar;
    if (body.autoplayNext !== undefined) changes.autoplayNext = body.autoplayNext;
    const updated = await this.profiles.update(userId, id, changes);
    if (!updated) throw new NotFoundException(`Profile ${id} does not exist`);
    await this.directory.changed(userId);
    return this.toDto(updated);
  }

  /** Removes a profile, never the last nor the one asking; devices that chose it go back to the profile picker. */
  async remove(viewer: AuthenticatedUser, id: string): Promise<void> {
    await this.owned(viewer.userId, id);
    if (viewer.profileId === id) throw new ConflictException('This profile is the one in use: switch to another profile to remove it');
    const outcome = await this.transactions.run(async () => {
      await this.tokens.releaseProfileSessions(id);
      const removal = await this.profiles.remove(viewer.userId, id);
      // Nothing removed, nothing to undo: the logins lose their choice only if the profile goes.
      if (removal !== 'removed') throw new ProfileNotRemoved(removal);
      return removal;
    }).catch((error: unknown) => {
      if (error instanceof ProfileNotRemoved) return error.removal;
      throw error;
    });
    if (outcome === 'missing') throw new NotFoundException(`Profile ${id} does not exist`);
    if (outcome === 'last') throw new ConflictException('An account keeps at least one profile');
    await this.directory.changed(viewer.userId);
    await this.homePages.removed(id);
  }

  async setPin(userId: string, id: string, pin: string, password: string): Promise<void> {
    await this.owned(userId, id);
    await this.auth.confirmPassword(await this.users.get(userId), password);
    const pinHash = await this.passwords.hash(pin);
    if (!(await this.profiles.update(userId, id, { pinHash }))) throw new NotFoundException(`Profile ${id} does not exist`);
    await this.directory.changed(userId);
  }

  async removePin(userId: string, id: string, password: string): Promise<void> {
    await this.owned(userId, id);
    await this.auth.confirmPassword(await this.users.get(userId), password);
    if (!(await this.profiles.update(userId, id, { pinHash: null }))) throw new NotFoundException(`Profile ${id} does not exist`);
    await this.directory.changed(userId);
  }

  /** Chooses the profile this login speaks for; a locked one needs its PIN, and wrong guesses are throttled. */
  async select(viewer: AuthenticatedUser, id: string, pin: string | undefined): Promise<SelectedProfileDto> {
    const profile = await this.owned(viewer.userId, id);
    // Only a token that names this profile chose it already; one naming none merely falls back to it.
    if (profile.pinHash !== null && !(viewer.profileChosen && viewer.profileId === id)) {
      await this.throttle.admitPin(id);
      if (pin === undefined) throw new ForbiddenException(`Profile ${profile.name} is locked: send its 4-digit PIN`);
      if (!(await this.passwords.verify(pin, profile.pinHash))) {
        await this.throttle.recordPinFailure(id);
        throw new ForbiddenException(`That is not the PIN of profile ${profile.name}`);
      }
      await this.throttle.recordPinSuccess(id);
    }
    const jwt = await this.tokens.selectProfile(viewer.userId, viewer.sessionId, id);
    return { jwt, profile: this.toDto(profile) };
  }

  avatarUrl(key: string): string {
    return `${this.config.publicUrl}/avatars/${key}.svg?v=${AVATAR_VERSION}`;
  }

  private async owned(userId: string, id: string): Promise<Profile> {
    const profile = (await this.profiles.listByUser(userId)).find((candidate) => candidate.id === id);
    if (!profile) throw new NotFoundException(`Profile ${id} does not exist`);
    return profile;
  }
}

/** Rolls back the removal's transaction (the logins it ended) when the profile stays. */
class ProfileNotRemoved extends Error {
  constructor(readonly removal: 'last' | 'missing') {
    super(`profile not removed: ${removal}`);
  }
}
