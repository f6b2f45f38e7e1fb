import { Injectable } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import { User } from '../users/user';
import { UsersService } from '../users/users.service';
import { AccountDto } from './dto/account.dto';

function toProfile(user: User): AccountDto {
  return { id: user.id, email: user.email, name: user.name, createdAt: user.createdAt.toISOString() };
}

/** The signed-in viewer's own account: profile, password and sessions. */
@Injectable()
export class AccountService {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  async profile(userId: string): Promise<AccountDto> {
    return toProfile(await this.users.get(userId));
  }

  async rename(userId: string, name: string): Promise<AccountDto> {
    return toProfile(await this.users.rename(userId, name));
  }

  /**
   * Changes the password and ends every other login; the caller's own stays signed in. Wrong guesses
   * of the current password count against the account like failed sign-ins.
   */
  async changePassword(userId: string, sessionId: string, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.get(userId);
    await this.auth.confirmPassword(user, currentPassword, 'Current password is incorrect');
    await this.auth.changePassword(user, newPassword, sessionId);
  }

  signOutEverywhere(userId: string): Promise<void> {
    return this.auth.endAllSessions(userId);
  }
}
