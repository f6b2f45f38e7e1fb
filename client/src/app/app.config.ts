import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, DOCUMENT, inject, provideAppInitializer, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { ApiConfiguration } from '@streaming/api';
import { appRoutes } from './app.routes';
import { resolveApiUrl } from './core/api-url';
import { authInterceptor } from './core/http/auth.interceptor';
import { keepaliveInterceptor } from './core/http/keepalive.interceptor';
import { BrandedTitleStrategy } from './core/shell/branded-title-strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(appRoutes, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'enabled' })),
    provideHttpClient(withFetch(), withInterceptors([authInterceptor, keepaliveInterceptor])),
    provideAppInitializer(() => {
      inject(ApiConfiguration).rootUrl = resolveApiUrl(inject(DOCUMENT));
    }),
    { provide: TitleStrategy, useClass: BrandedTitleStrategy },
  ],
};
