import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MATURITY_RATINGS } from '../../catalog/maturity';
import { AVATAR_KEYS } from '../avatars';

export const PROFILE_NAME_MAX_LENGTH = 50;
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export function ProfileNameField(options: { optional: boolean }) {
  return applyDecorators(
    options.optional ? ApiPropertyOptional({ example: 'Ada', minLength: 1, maxLength: PROFILE_NAME_MAX_LENGTH }) : ApiProperty({ example: 'Ada', minLength: 1, maxLength: PROFILE_NAME_MAX_LENGTH }),
    ...(options.optional ? [IsOptional()] : []),
    Transform(trimmed),
    IsString(),
    IsNotEmpty({ message: '$property must not be empty' }),
    MaxLength(PROFILE_NAME_MAX_LENGTH),
  );
}

export function AvatarField() {
  return applyDecorators(ApiPropertyOptional({ enum: AVATAR_KEYS, enumName: 'AvatarKey' }), IsOptional(), IsIn(AVATAR_KEYS, { message: `$property must be one of ${AVATAR_KEYS.join(', ')}` }));
}

export function MaturityCeilingField() {
  return applyDecorators(
    ApiPropertyOptional({ enum: MATURITY_RATINGS, enumName: 'MaturityRating', description: 'Default: NC-17, or TV-Y7 for a kids profile' }),
    IsOptional(),
    IsIn(MATURITY_RATINGS, { message: `$property must be one of ${MATURITY_RATINGS.join(', ')}` }),
  );
}

export function FlagField(description: string) {
  return applyDecorators(ApiPropertyOptional({ description }), IsOptional(), IsBoolean());
}

export function PinField(options: { optional: boolean }) {
  return applyDecorators(
    options.optional ? ApiPropertyOptional({ example: '2468', pattern: '^[0-9]{4}$' }) : ApiProperty({ example: '2468', pattern: '^[0-9]{4}$' }),
    ...(options.optional ? [IsOptional()] : []),
    IsString(),
    Matches(/^[0-9]{4}$/, { message: '$property must be 4 digits' }),
  );
}
