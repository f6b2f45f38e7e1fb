import { Route } from '@angular/router';
import { authGuard, guestGuard, notForKidsGuard, signedInGuard } from './core/session/auth.guards';
import { prefetchHomeData } from './features/home/prefetch-home-data';

export const appRoutes: Route[] = [
  { path: 'signin', canActivate: [guestGuard], title: 'Sign in', loadComponent: () => import('./features/auth/sign-in-page').then((m) => m.SignInPage) },
  { path: 'signup', canActivate: [guestGuard], title: 'Sign up', loadComponent: () => import('./features/auth/sign-up-page').then((m) => m.SignUpPage) },
  { path: '', pathMatch: 'full', canActivate: [authGuard], title: 'Home', loadComponent: () => (prefetchHomeData(), import('./features/home/home-page').then((m) => m.HomePage)) },
  { path: 'title/:id', canActivate: [authGuard], title: 'Title', loadComponent: () => import('./features/title/title-page').then((m) => m.TitlePage) },
  { path: 'play/:id', canActivate: [authGuard], title: 'Playing', loadComponent: () => import('./features/player/player-page').then((m) => m.PlayerPage) },
  { path: 'browse/:genre', canActivate: [authGuard], title: 'Browse', loadComponent: () => import('./features/browse/browse-page').then((m) => m.BrowsePage) },
  { path: 'search', canActivate: [authGuard], title: 'Search', loadComponent: () => import('./features/search/search-page').then((m) => m.SearchPage) },
  { path: 'my-list', canActivate: [authGuard], title: 'My List', loadComponent: () => import('./features/my-list/my-list-page').then((m) => m.MyListPage) },
  { path: 'profiles', canActivate: [signedInGuard], title: 'Who’s watching?', loadComponent: () => import('./features/profiles/profile-picker-page').then((m) => m.ProfilePickerPage) },
  { path: 'profiles/manage', canActivate: [authGuard, notForKidsGuard], title: 'Manage profiles', loadComponent: () => import('./features/profiles/manage-profiles-page').then((m) => m.ManageProfilesPage) },
  { path: 'account', canActivate: [authGuard, notForKidsGuard], title: 'Account', loadComponent: () => import('./features/account/account-page').then((m) => m.AccountPage) },
  { path: '**', title: 'Not found', loadComponent: () => import('./features/not-found/not-found-page').then((m) => m.NotFoundPage) },
];
