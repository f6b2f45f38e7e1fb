import { Body, Controller, Get, INestApplication, Post } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { Public } from './common/decorators/public.decorator';
import { AppConfig } from './config/app-config';
import { loadConfig } from './config/load-config';
import { buildOpenApiDocument } from './swagger';

enum Shade {
  Light = 'light',
  Dark = 'dark',
}

class PickShadeDto {
  @ApiProperty({ enum: Shade, enumName: 'Shade' })
  shade: Shade;
}

@Public()
@Controller('open')
class OpenController {
  @Get()
  readOpen(): string {
    return 'open';
  }
}

@Controller('mixed')
class MixedController {
  @Get('guarded')
  readGuarded(): string {
    return 'guarded';
  }

  @Public()
  @Get('public')
  readPublic(): string {
    return 'public';
  }

  @Post('shade')
  pickShade(@Body() body: PickShadeDto): Shade {
    return body.shade;
  }
}

describe('buildOpenApiDocument', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [OpenController, MixedController],
      providers: [{ provide: AppConfig, useValue: loadConfig({ JWT_SECRET: 'x', PUBLIC_URL: 'https://api.example.test' }) }],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(() => app.close());

  it('marks @Public() routes, on the class or the method, as needing no credentials and every other route as needing the bearer token', () => {
    const { paths } = buildOpenApiDocument(app);

    expect(paths['/open'].get?.security).toEqual([]);
    expect(paths['/mixed/public'].get?.security).toEqual([]);
    expect(paths['/mixed/guarded'].get?.security).toEqual([{ bearer: [] }]);
    expect(paths['/mixed/shade'].post?.security).toEqual([{ bearer: [] }]);
    expect(JSON.stringify(paths)).not.toContain('x-public');
  });

  it('refers to named enums with a plain $ref and names the configured public URL as the server', () => {
    const document = buildOpenApiDocument(app);

    expect(document.components?.schemas?.['PickShadeDto']).toMatchObject({ properties: { shade: { $ref: '#/components/schemas/Shade' } } });
    expect(document.components?.schemas?.['Shade']).toEqual({ type: 'string', enum: ['light', 'dark'] });
    expect(document.servers).toEqual([{ url: 'https://api.example.test' }]);
  });
});
