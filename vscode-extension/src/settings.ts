// The goEnvDoctor settings the server reads (docs/configuration.md), built from VS Code's configuration and
// the workspace trust. No VS Code API: anything with a get(key) method will do (a WorkspaceConfiguration).

/** The section of every setting of this extension. */
export const SECTION = 'goEnvDoctor';

/** Reads one setting of the section, e.g. get('shellProbe.enabled'). */
export interface ConfigReader {
  get<T>(key: string): T | undefined;
}

/** What the server receives: in initializationOptions.settings and as the answer to workspace/configuration. */
export interface ServerSettings {
  readonly disabledRules: string[];
  readonly shellProbe: { readonly enabled: boolean; readonly timeoutSeconds: number };
  readonly exec: { readonly enabled: boolean };
  readonly trusted: boolean;
  readonly logLevel: string;
}

/**
 * The server's settings. In Restricted Mode nothing may run at all (zero-exec), whatever the settings say: an
 * untrusted workspace's own settings.json must not be able to turn the shell probe or `go env` back on.
 */
export function serverSettings(config: ConfigReader, trusted: boolean): ServerSettings {
  const rules = config.get<unknown>('disabledRules');
  const timeout = config.get<unknown>('shellProbe.timeoutSeconds');
  const level = config.get<unknown>('logLevel');
  return {
    disabledRules: Array.isArray(rules) ? rules.filter((r): r is string => typeof r === 'string') : [],
    shellProbe: {
      enabled: trusted && config.get<unknown>('shellProbe.enabled') !== false,
      timeoutSeconds: typeof timeout === 'number' && timeout >= 1 && timeout <= 60 ? timeout : 10,
    },
    exec: { enabled: trusted && config.get<unknown>('exec.enabled') !== false },
    trusted,
    logLevel: typeof level === 'string' ? level : 'info',
  };
}

/** The Java home the user chose (only the user's own settings count in Restricted Mode: VS Code enforces it). */
export function javaHomeSetting(config: ConfigReader): string | undefined {
  const value = config.get<unknown>('java.home');
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
