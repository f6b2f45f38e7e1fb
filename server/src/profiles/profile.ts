/** One person's profile within an account: their own lists, progress and recommendations. */
export interface Profile {
  id: string;
  userId: string;
  name: string;
  /** Key of one of the generated avatars (see avatars.ts). */
  avatar: string;
  kids: boolean;
  /** A rating on the maturity scale: nothing above it is shown to this profile. */
  maturityCeiling: string;
  /** bcrypt hash of the 4-digit PIN that locks the profile; null when unlocked. */
  pinHash: string | null;
  /** Whether the next episode starts by itself. */
  autoplayNext: boolean;
  createdAt: number;
}

export type ProfileChanges = Partial<Pick<Profile, 'name' | 'avatar' | 'kids' | 'maturityCeiling' | 'pinHash' | 'autoplayNext'>>;
