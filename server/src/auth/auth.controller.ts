import { Body, Controller, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/decorators/api-errors.decorator';
import { Public } from '../common/decorators/public.decorator';
import { AuthService } from './auth.service';
import { AuthResponseDto } from './dto/auth-response.dto';
import { LoginDto } from './dto/login.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { SignupDto } from './dto/signup.dto';
import { TokenPairDto } from './dto/token-pair.dto';

@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('signup')
  @ApiOperation({ operationId: 'signup', summary: 'Create an account and sign in' })
  @ApiCreatedResponse({ type: AuthResponseDto })
  @ApiErrors(400, 409, 413, 429)
  signup(@Body() body: SignupDto, @Ip() clientAddress: string): Promise<AuthResponseDto> {
    return this.auth.signup(body, clientAddress);
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'login', summary: 'Sign in with email and password' })
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiErrors(400, 401, 413, 429)
  login(@Body() body: LoginDto, @Ip() clientAddress: string): Promise<AuthResponseDto> {
    return this.auth.login(body, clientAddress);
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'refresh',
    summary: 'Exchange a refresh token for a new pair',
    description: 'Each refresh token works once. Presenting one that was already exchanged ends that whole login.',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiErrors(400, 401, 413)
  refresh(@Body() body: RefreshTokenDto): Promise<TokenPairDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'logout', summary: 'End the login a refresh token belongs to (idempotent)' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiErrors(400, 413)
  logout(@Body() body: RefreshTokenDto): Promise<void> {
    return this.auth.logout(body.refreshToken);
  }
}
