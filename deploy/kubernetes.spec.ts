import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const WORKSPACE = join(__dirname, '..');
const MANIFESTS = join(__dirname, 'kubernetes');
const KUSTOMIZATION = 'kustomization.yaml';

/** Where each Deployment's program reads its environment: a variable set for it must appear there. */
const ENVIRONMENT_READERS: Record<string, string> = {
  'streaming-api': 'server/src/config/load-config.ts',
  'streaming-web': 'tools/web/serve-web.mjs',
};
const API = 'streaming-api';
const WEB = 'streaming-web';
/** What INSTANCES > 1 requires besides a server database (load-config.ts, checkScaleOut). */
const SHARED_STATE = ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'STREAM_SECRET', 'CURSOR_SECRET'];
const LOOKS_SECRET = /SECRET|PASSWORD|TOKEN|DATABASE_URL|REDIS_URL/;
/** PostgreSQL's default max_connections (100) less superuser_reserved_connections (3). */
const POSTGRES_CONNECTIONS = 97;

interface Metadata {
  name: string;
  labels?: Record<string, string>;
}
interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: Metadata;
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string }; fieldRef?: { fieldPath: string } };
}
interface HttpProbe {
  httpGet?: { path: string; port: string | number };
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
}
interface Resources {
  requests?: { cpu?: string; memory?: string };
  limits?: { cpu?: string; memory?: string };
}
interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  allowPrivilegeEscalation?: boolean;
}
interface Container {
  name: string;
  image: string;
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  resources?: Resources;
  readinessProbe?: HttpProbe;
  livenessProbe?: HttpProbe;
  startupProbe?: HttpProbe;
  lifecycle?: { preStop?: { sleep?: { seconds: number } } };
  securityContext?: SecurityContext;
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}
interface Deployment extends Manifest {
  spec: {
    replicas?: number;
    selector: { matchLabels: Record<string, string> };
    template: {
      metadata: { labels: Record<string, string> };
      spec: {
        terminationGracePeriodSeconds?: number;
        securityContext?: SecurityContext;
        containers: Container[];
        volumes?: { name: string; persistentVolumeClaim?: { claimName: string; readOnly?: boolean } }[];
      };
    };
  };
}
interface Service extends Manifest {
  spec: { selector: Record<string, string>; ports: { name?: string; port: number; targetPort: string | number }[] };
}
interface IngressBackend {
  service: { name: string; port: { name?: string; number?: number } };
}
interface Ingress extends Manifest {
  spec: {
    tls?: { hosts: string[]; secretName: string }[];
    rules: { host?: string; http: { paths: { path: string; backend: IngressBackend }[] } }[];
  };
}
interface HorizontalPodAutoscaler extends Manifest {
  spec: {
    scaleTargetRef: { apiVersion: string; kind: string; name: string };
    minReplicas: number;
    maxReplicas: number;
    metrics: { type: string; resource?: { name: string; target: { type: string; averageUtilization?: number } } }[];
  };
}
interface ConfigMap extends Manifest {
  data: Record<string, string>;
}
interface Selecting extends Manifest {
  spec: { selector?: { matchLabels: Record<string, string> }; podSelector?: { matchLabels: Record<string, string> }; policyTypes?: string[] };
}

function read(path: string): string {
  return readFileSync(join(WORKSPACE, path), 'utf8');
}

function manifestFiles(): string[] {
  return readdirSync(MANIFESTS)
    .filter((file) => /\.ya?ml$/.test(file) && file !== KUSTOMIZATION)
    .sort();
}

/** Every document of every manifest file, each with the file it came from; a YAML error fails here. */
function loadManifests(): { file: string; object: Manifest }[] {
  return manifestFiles().flatMap((file) =>
    parseAllDocuments(readFileSync(join(MANIFESTS, file), 'utf8')).map((document) => {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((error) => error.message).join('; ')}`);
      return { file, object: document.toJS() as Manifest };
    }),
  );
}

/** The variable names a source file reads: `env['X']`, `(env, 'X'`, `process.env.X`, a `SECRET_NAMES` list, or a reader called with 'X'. */
function variablesReadBy(path: string): Set<string> {
  const source = read(path);
  const names = new Set<string>();
  const patterns = [/\benv\[['"]([A-Z][A-Z0-9_]*)['"]\]/g, /\(env, ['"]([A-Z][A-Z0-9_]*)['"]/g, /process\.env\.([A-Z][A-Z0-9_]*)/g, /\b\w+\(['"]([A-Z][A-Z0-9_]*)['"]/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) names.add(match[1]);
  const secretList = /SECRET_NAMES = \[([^\]]*)\]/.exec(source);
  if (secretList) for (const match of secretList[1].matchAll(/['"]([A-Z][A-Z0-9_]*)['"]/g)) names.add(match[1]);
  return names;
}

/** A number written in a source file as `NAME = 10_000` or `name: 3_000`. */
function numberIn(path: string, name: string): number {
  const match = new RegExp(`\\b${name}\\s*[=:]\\s*([0-9_]+)`).exec(read(path));
  if (!match) throw new Error(`${name} not found in ${path}`);
  return Number(match[1].replace(/_/g, ''));
}

/** A CPU quantity in cores ("2", "500m") or a memory quantity in bytes ("512Mi", "1Gi"). */
function quantity(text: string | undefined): number {
  const match = /^([0-9.]+)(m|Ki|Mi|Gi)?$/.exec(String(text));
  if (!match) throw new Error(`not a quantity: ${text}`);
  const scale: Record<string, number> = { m: 0.001, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3 };
  return Number(match[1]) * (match[2] ? scale[match[2]] : 1);
}

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels[key] === value);
}

describe('the Kubernetes manifests in deploy/kubernetes', () => {
  const loaded = loadManifests();
  const objects = loaded.map(({ object }) => object);
  const ofKind = <T extends Manifest>(kind: string) => objects.filter((object) => object?.kind === kind) as T[];
  const named = <T extends Manifest>(kind: string, name: string): T => {
    const found = ofKind<T>(kind).find((object) => object.metadata.name === name);
    if (!found) throw new Error(`no ${kind} named ${name}`);
    return found;
  };
  const deployments = ofKind<Deployment>('Deployment');
  const configMaps = ofKind<ConfigMap>('ConfigMap');
  const api = () => named<Deployment>('Deployment', API);
  const apiContainer = () => api().spec.template.spec.containers[0];
  const hpa = () => ofKind<HorizontalPodAutoscaler>('HorizontalPodAutoscaler').find((object) => object.spec.scaleTargetRef.name === API);

  /** Every variable a container gets, by name: its `env` entries, and the keys of the ConfigMaps it takes whole. */
  function environment(container: Container): Map<string, { from: string; entry?: EnvVar; value?: string }> {
    const variables = new Map<string, { from: string; entry?: EnvVar; value?: string }>();
    for (const source of container.envFrom ?? []) {
      if (!source.configMapRef) continue;
      const configMap = named<ConfigMap>('ConfigMap', source.configMapRef.name);
      for (const [name, value] of Object.entries(configMap.data ?? {})) variables.set(name, { from: `ConfigMap ${configMap.metadata.name}`, value });
    }
    for (const entry of container.env ?? []) variables.set(entry.name, { from: 'env', entry, value: entry.value });
    return variables;
  }
  const apiEnvironment = () => environment(apiContainer());
  const setting = (name: string) => apiEnvironment().get(name)?.value;
  const portOf = (container: Container, port: string | number) => container.ports?.find((candidate) => candidate.name === port || candidate.containerPort === port);

  it('parses, and every object has apiVersion, kind and metadata.name', () => {
    expect(loaded.length).toBeGreaterThan(0);
    for (const { file, object } of loaded) {
      expect({ file, apiVersion: typeof object?.apiVersion, kind: typeof object?.kind, name: typeof object?.metadata?.name }).toEqual({ file, apiVersion: 'string', kind: 'string', name: 'string' });
    }
  });

  it('lists every manifest file in the kustomization, and only those', () => {
    const kustomization = parseAllDocuments(readFileSync(join(MANIFESTS, KUSTOMIZATION), 'utf8'))[0].toJS() as { resources: string[] };
    expect([...kustomization.resources].sort()).toEqual(manifestFiles());
  });

  it('commits no secret: no Secret object, no secret-looking key in a ConfigMap', () => {
    expect(ofKind('Secret')).toEqual([]);
    for (const configMap of configMaps) expect({ configMap: configMap.metadata.name, secretLooking: Object.keys(configMap.data ?? {}).filter((key) => LOOKS_SECRET.test(key)) }).toEqual({ configMap: configMap.metadata.name, secretLooking: [] });
  });

  describe('the API Deployment', () => {
    it('has readiness on /health and liveness on /health/live, on the container port', () => {
      const container = apiContainer();
      expect(container.readinessProbe?.httpGet?.path).toBe('/health');
      expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
      expect(portOf(container, container.readinessProbe?.httpGet?.port ?? -1)?.containerPort).toBe(Number(setting('PORT')));
      expect(portOf(container, container.livenessProbe?.httpGet?.port ?? -1)?.containerPort).toBe(Number(setting('PORT')));
    });

    it('gives start-up (migrations, catalog) a startupProbe at least as long as the API waits for its database', () => {
      const probe = apiContainer().startupProbe;
      expect(probe?.httpGet?.path).toBe('/health/live');
      expect(portOf(apiContainer(), probe?.httpGet?.port ?? -1)?.containerPort).toBe(Number(setting('PORT')));
      expect((probe?.periodSeconds ?? 10) * (probe?.failureThreshold ?? 3)).toBeGreaterThan(Number(setting('DATABASE_START_TIMEOUT_SECONDS') ?? 30));
    });

    it("waits for readiness longer than the database pool's connection timeout, so a 503 arrives as an answer", () => {
      const poolTimeoutSeconds = numberIn('server/src/database/postgres-database-client.ts', 'connectionTimeoutMillis') / 1000;
      expect(apiContainer().readinessProbe?.timeoutSeconds ?? 1).toBeGreaterThan(poolTimeoutSeconds);
    });

    it("stops routing before SIGTERM and lets the API's drain finish within the grace period", () => {
      const drainSeconds = numberIn('server/src/main.ts', 'SHUTDOWN_DEADLINE_MS') / 1000;
      const preStopSeconds = apiContainer().lifecycle?.preStop?.sleep?.seconds ?? 0;
      expect(preStopSeconds).toBeGreaterThan(0);
      expect(api().spec.template.spec.terminationGracePeriodSeconds ?? 30).toBeGreaterThan(preStopSeconds + drainSeconds);
    });

    it('sets only variables the API reads', () => {
      const known = variablesReadBy(ENVIRONMENT_READERS[API]);
      for (const name of ['PORT', 'INSTANCES', 'DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'TRUST_PROXY', 'MEDIA_ACCEL_REDIRECT']) expect(known.has(name)).toBe(true);
      expect([...apiEnvironment().keys()].filter((name) => !known.has(name))).toEqual([]);
    });

    it('runs more than one instance, with a server database, Redis and the three secrets from the Secret', () => {
      const environment = apiEnvironment();
      expect(Number(setting('INSTANCES'))).toBeGreaterThan(1);
      expect(setting('STORE') ?? 'postgres').toBe('postgres');
      for (const name of SHARED_STATE) expect({ name, secretKeyRef: environment.get(name)?.entry?.valueFrom?.secretKeyRef }).toEqual({ name, secretKeyRef: { name: 'streaming-api-secrets', key: name } });
    });

    it('declares as INSTANCES the most pods the autoscaler may run', () => {
      expect(Number(setting('INSTANCES'))).toBe(hpa()?.spec.maxReplicas);
    });

    it('believes X-Forwarded-For only from the ingress controller: TRUST_PROXY set, and a NetworkPolicy lets only it in', () => {
      expect(setting('TRUST_PROXY')).toBeTruthy();
      const policies = ofKind<Selecting>('NetworkPolicy').filter((policy) => selects(policy.spec.podSelector?.matchLabels ?? {}, api().spec.template.metadata.labels));
      expect(policies.map((policy) => policy.spec.policyTypes)).toContainEqual(['Ingress']);
    });

    it('sends media itself from a read-only volume at MEDIA_DIR (no X-Accel-Redirect: no nginx here holds the files)', () => {
      expect(apiEnvironment().has('MEDIA_ACCEL_REDIRECT')).toBe(false);
      const mount = apiContainer().volumeMounts?.find((candidate) => candidate.mountPath === setting('MEDIA_DIR'));
      expect(mount?.readOnly).toBe(true);
      const volume = api().spec.template.spec.volumes?.find((candidate) => candidate.name === mount?.name);
      expect(named('PersistentVolumeClaim', volume?.persistentVolumeClaim?.claimName ?? '').kind).toBe('PersistentVolumeClaim');
    });

    it('leaves the replica count to the autoscaler', () => {
      expect(api().spec.replicas).toBeUndefined();
    });

    it('keeps every pod inside PostgreSQL connections at the most replicas (pool + one LISTEN each)', () => {
      const poolSize = Number(setting('DATABASE_POOL_SIZE') ?? 10);
      expect((hpa()?.spec.maxReplicas ?? Infinity) * (poolSize + 1)).toBeLessThanOrEqual(POSTGRES_CONNECTIONS);
    });
  });

  describe('every Deployment', () => {
    it('has an environment reader we know, and sets only variables it reads', () => {
      for (const deployment of deployments) {
        const reader = ENVIRONMENT_READERS[deployment.metadata.name];
        expect({ deployment: deployment.metadata.name, reader: typeof reader }).toEqual({ deployment: deployment.metadata.name, reader: 'string' });
        const known = variablesReadBy(reader);
        for (const container of deployment.spec.template.spec.containers) {
          expect({ container: container.name, unknown: [...environment(container).keys()].filter((name) => !known.has(name)) }).toEqual({ container: container.name, unknown: [] });
        }
      }
      for (const name of ['WEB_PORT', 'API_URL', 'WEB_ROOT']) expect(variablesReadBy(ENVIRONMENT_READERS[WEB]).has(name)).toBe(true);
    });

    it('gives no secret-looking variable an inline value: each comes from a secretKeyRef', () => {
      for (const deployment of deployments) {
        for (const container of deployment.spec.template.spec.containers) {
          expect((container.envFrom ?? []).filter((source) => source.secretRef)).toEqual([]);
          for (const [name, variable] of environment(container)) {
            if (!LOOKS_SECRET.test(name)) continue;
            expect({ name, from: variable.from, value: variable.value, secretKeyRef: Boolean(variable.entry?.valueFrom?.secretKeyRef) }).toEqual({ name, from: 'env', value: undefined, secretKeyRef: true });
          }
        }
      }
    });

    it('sets CPU and memory requests and limits, each request within its limit', () => {
      for (const deployment of deployments) {
        for (const container of deployment.spec.template.spec.containers) {
          for (const resource of ['cpu', 'memory'] as const) {
            const request = quantity(container.resources?.requests?.[resource]);
            const limit = quantity(container.resources?.limits?.[resource]);
            expect({ container: container.name, resource, withinLimit: request > 0 && request <= limit }).toEqual({ container: container.name, resource, withinLimit: true });
          }
        }
      }
    });

    it('runs as a non-root user that cannot gain privileges', () => {
      for (const deployment of deployments) {
        const pod = deployment.spec.template.spec;
        for (const container of pod.containers) {
          const nonRoot = container.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
          const user = container.securityContext?.runAsUser ?? pod.securityContext?.runAsUser;
          expect({ container: container.name, nonRoot, userIsNotRoot: user !== undefined && user > 0, allowPrivilegeEscalation: container.securityContext?.allowPrivilegeEscalation }).toEqual({
            container: container.name,
            nonRoot: true,
            userIsNotRoot: true,
            allowPrivilegeEscalation: false,
          });
        }
      }
    });

    it('selects its own pods', () => {
      for (const deployment of deployments) expect(selects(deployment.spec.selector.matchLabels, deployment.spec.template.metadata.labels)).toBe(true);
    });
  });

  it('autoscales the API Deployment on CPU, from at least 2 pods', () => {
    const autoscaler = hpa();
    expect(autoscaler?.apiVersion).toBe('autoscaling/v2');
    expect(autoscaler?.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: API });
    expect(autoscaler?.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(autoscaler?.spec.maxReplicas).toBeGreaterThanOrEqual(autoscaler?.spec.minReplicas ?? Infinity);
    expect(autoscaler?.spec.metrics).toContainEqual({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: expect.any(Number) } } });
    // Utilization is a share of the request, so there must be one.
    expect(quantity(apiContainer().resources?.requests?.cpu)).toBeGreaterThan(0);
  });

  it("keeps API pods through voluntary disruptions: a PodDisruptionBudget selects them", () => {
    const budgets = ofKind<Selecting>('PodDisruptionBudget').filter((budget) => selects(budget.spec.selector?.matchLabels ?? {}, api().spec.template.metadata.labels));
    expect(budgets).toHaveLength(1);
  });

  it("has each Service select one Deployment's pods and target one of its container ports", () => {
    const services = ofKind<Service>('Service');
    expect(services.map((service) => service.metadata.name).sort()).toEqual([API, WEB]);
    for (const service of services) {
      const targets = deployments.filter((deployment) => selects(service.spec.selector, deployment.spec.template.metadata.labels));
      expect({ service: service.metadata.name, selects: targets.map((deployment) => deployment.metadata.name) }).toEqual({ service: service.metadata.name, selects: [service.metadata.name] });
      for (const port of service.spec.ports) {
        const containerPort = targets[0].spec.template.spec.containers.map((container) => portOf(container, port.targetPort)).find(Boolean);
        expect({ service: service.metadata.name, targetPort: port.targetPort, found: containerPort !== undefined }).toEqual({ service: service.metadata.name, targetPort: port.targetPort, found: true });
      }
    }
  });

  describe('the Ingress', () => {
    const ingress = () => named<Ingress>('Ingress', 'streaming');
    const backends = () => ingress().spec.rules.flatMap((rule) => rule.http.paths.map((path) => ({ host: rule.host, path: path.path, service: path.backend.service })));
    const hostOf = (service: string) => backends().find((backend) => backend.service.name === service && backend.path === '/')?.host;

    it('routes to Services that exist, on ports they have', () => {
      for (const { service } of backends()) {
        const target = named<Service>('Service', service.name);
        expect(target.spec.ports.some((port) => port.name === service.port.name || port.port === service.port.number)).toBe(true);
      }
      expect(backends().map((backend) => backend.service.name)).toEqual(expect.arrayContaining([API, WEB]));
    });

    it('ends TLS for every host it routes', () => {
      const covered = (ingress().spec.tls ?? []).flatMap((tls) => tls.hosts);
      for (const rule of ingress().spec.rules) expect(covered).toContain(rule.host);
    });

    it("agrees with the API's origins: PUBLIC_URL is the API's host, CORS allows the web app's, the web app calls PUBLIC_URL", () => {
      expect(setting('PUBLIC_URL')).toBe(`https://${hostOf(API)}`);
      expect(setting('CORS_ORIGINS')?.split(',')).toContain(`https://${hostOf(WEB)}`);
      const web = named<Deployment>('Deployment', WEB).spec.template.spec.containers[0];
      expect(environment(web).get('API_URL')?.value).toBe(setting('PUBLIC_URL'));
    });
  });
});
