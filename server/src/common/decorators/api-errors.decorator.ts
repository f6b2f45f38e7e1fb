import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { ErrorResponseDto } from '../dto/error-response.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; the message names the field',
  401: 'Missing, invalid or expired credentials',
  403: 'Not allowed: a title above the profile’s maturity ceiling, a kids profile managing the account, a wrong PIN',
  404: 'Not found',
  409: 'Conflicts with existing data',
  413: 'Request body larger than 100 kB',
  429: 'Too many attempts; see the Retry-After header',
  503: 'Not able to serve right now (the database is out of reach); see the Retry-After header',
};

/**
 * Documents the error responses a route can give, all with the one error shape. Errors are JSON even
 * where the route itself produces something else (the SVG images), so the content type is explicit.
 */
export function ApiErrors(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ErrorResponseDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? STATUS_CODES[status],
        content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponseDto) } } },
        ...((status === 429 || status === 503) && {
          headers: { 'Retry-After': { description: 'Seconds until another attempt is allowed', schema: { type: 'integer' } } },
        }),
      }),
    ),
  );
}
