import { escapeXml } from '../catalog/artwork/escape-xml';

/** One generated avatar: two colours for its background and one for its face, and the face's features. */
interface AvatarLook {
  key: string;
  from: string;
  to: string;
  face: string;
  eyes: 'dots' | 'arcs' | 'wide' | 'wink';
  mouth: 'smile' | 'grin' | 'o' | 'flat';
  shape: 'round' | 'square' | 'blob';
  accent: 'none' | 'stars' | 'stripes' | 'spots';
}

/** The avatars a profile can wear; their keys are what a profile stores. */
export const AVATAR_LOOKS: readonly AvatarLook[] = [
  { key: 'ember', from: '#ff6b3d', to: '#c2185b', face: '#ffd9c2', eyes: 'dots', mouth: 'smile', shape: 'round', accent: 'none' },
  { key: 'tide', from: '#1e88e5', to: '#00acc1', face: '#e0f7fa', eyes: 'arcs', mouth: 'grin', shape: 'square', accent: 'stripes' },
  { key: 'fern', from: '#43a047', to: '#1b5e20', face: '#f1f8e9', eyes: 'wide', mouth: 'smile', shape: 'blob', accent: 'spots' },
  { key: 'dusk', from: '#5e35b1', to: '#283593', face: '#ede7f6', eyes: 'wink', mouth: 'smile', shape: 'round', accent: 'stars' },
  { key: 'sun', from: '#fdd835', to: '#fb8c00', face: '#fffde7', eyes: 'dots', mouth: 'grin', shape: 'blob', accent: 'none' },
  { key: 'plum', from: '#8e24aa', to: '#d81b60', face: '#fce4ec', eyes: 'arcs', mouth: 'o', shape: 'square', accent: 'spots' },
  { key: 'slate', from: '#546e7a', to: '#263238', face: '#eceff1', eyes: 'wide', mouth: 'flat', shape: 'round', accent: 'stripes' },
  { key: 'mint', from: '#26a69a', to: '#9ccc65', face: '#f9fbe7', eyes: 'dots', mouth: 'smile', shape: 'square', accent: 'stars' },
  { key: 'coral', from: '#ff8a65', to: '#f06292', face: '#fff3e0', eyes: 'wink', mouth: 'grin', shape: 'blob', accent: 'stripes' },
  { key: 'night', from: '#212121', to: '#3949ab', face: '#e8eaf6', eyes: 'arcs', mouth: 'smile', shape: 'round', accent: 'stars' },
  { key: 'rose', from: '#ec407a', to: '#ab47bc', face: '#fde7f3', eyes: 'dots', mouth: 'o', shape: 'round', accent: 'spots' },
  { key: 'moss', from: '#827717', to: '#33691e', face: '#f9fbe7', eyes: 'wide', mouth: 'grin', shape: 'square', accent: 'none' },
];

export const AVATAR_KEYS: readonly string[] = AVATAR_LOOKS.map((look) => look.key);
/** What a profile wears until it chooses: the first for the account's first profile, then the next, and so on. */
export function avatarFor(index: number): string {
  return AVATAR_KEYS[index % AVATAR_KEYS.length];
}

function faceShape(shape: AvatarLook['shape'], fill: string): string {
  if (shape === 'round') return `<circle cx="128" cy="138" r="76" fill="${fill}"/>`;
  if (shape === 'square') return `<rect x="56" y="66" width="144" height="144" rx="34" fill="${fill}"/>`;
  return `<path d="M128 58c46 0 78 30 78 78 0 50-34 82-78 82s-80-30-80-80c0-48 34-80 80-80z" fill="${fill}"/>`;
}

function eyes(kind: AvatarLook['eyes']): string {
  const ink = '#1d1d2b';
  if (kind === 'dots') return `<circle cx="100" cy="126" r="9" fill="${ink}"/><circle cx="156" cy="126" r="9" fill="${ink}"/>`;
  if (kind === 'wide') return `<circle cx="100" cy="124" r="14" fill="#fff" stroke="${ink}" stroke-width="4"/><circle cx="102" cy="126" r="6" fill="${ink}"/><circle cx="156" cy="124" r="14" fill="#fff" stroke="${ink}" stroke-width="4"/><circle cx="158" cy="126" r="6" fill="${ink}"/>`;
  if (kind === 'arcs') return `<path d="M88 128q12-14 24 0M144 128q12-14 24 0" fill="none" stroke="${ink}" stroke-width="6" stroke-linecap="round"/>`;
  return `<circle cx="100" cy="126" r="9" fill="${ink}"/><path d="M144 126h24" stroke="${ink}" stroke-width="6" stroke-linecap="round"/>`;
}

function mouth(kind: AvatarLook['mouth']): string {
  const ink = '#1d1d2b';
  if (kind === 'smile') return `<path d="M100 160q28 24 56 0" fill="none" stroke="${ink}" stroke-width="6" stroke-linecap="round"/>`;
  if (kind === 'grin') return `<path d="M96 156h64q-4 30-32 30t-32-30z" fill="${ink}"/><path d="M104 158h48v6h-48z" fill="#fff"/>`;
  if (kind === 'o') return `<ellipse cx="128" cy="166" rx="12" ry="14" fill="${ink}"/>`;
  return `<path d="M106 166h44" stroke="${ink}" stroke-width="6" stroke-linecap="round"/>`;
}

function accent(kind: AvatarLook['accent']): string {
  const white = 'rgba(255,255,255,0.35)';
  if (kind === 'stars') return [[36, 44, 8], [214, 40, 6], [222, 206, 7], [30, 214, 5]].map(([x, y, r]) => `<path d="M${x} ${y - r}l${r * 0.3} ${r * 0.7} ${r * 0.7} ${r * 0.3}-${r * 0.7} ${r * 0.3}-${r * 0.3} ${r * 0.7}-${r * 0.3}-${r * 0.7}-${r * 0.7}-${r * 0.3} ${r * 0.7}-${r * 0.3}z" fill="${white}"/>`).join('');
  if (kind === 'stripes') return [0, 1, 2, 3].map((index) => `<path d="M${-40 + index * 70} 256l120-256h24l-120 256z" fill="${white}"/>`).join('');
  if (kind === 'spots') return [[40, 40, 14], [220, 60, 10], [30, 200, 12], [218, 220, 16]].map(([x, y, r]) => `<circle cx="${x}" cy="${y}" r="${r}" fill="${white}"/>`).join('');
  return '';
}

/** A square SVG avatar; undefined for a key that is not one of AVATAR_KEYS. */
export function renderAvatar(key: string): string | undefined {
  const look = AVATAR_LOOKS.find((candidate) => candidate.key === key);
  if (!look) return undefined;
  const id = `bg-${escapeXml(look.key)}`;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256" width="256" height="256" role="img" aria-label="Profile avatar">',
    `<defs><linearGradient id="${id}" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${look.from}"/><stop offset="1" stop-color="${look.to}"/></linearGradient></defs>`,
    `<rect width="256" height="256" rx="28" fill="url(#${id})"/>`,
    accent(look.accent),
    faceShape(look.shape, look.face),
    eyes(look.eyes),
    mouth(look.mouth),
    '</svg>',
  ].join('');
}
