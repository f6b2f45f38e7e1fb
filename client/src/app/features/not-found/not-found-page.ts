import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `<div class="page">
    <h1>Lost in the dark</h1>
    <p>There is no page at this address.</p>
    <a class="button primary" routerLink="/">Go to Home</a>
  </div>`,
})
export class NotFoundPage {}
