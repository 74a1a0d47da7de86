// How the server process starts: the Java found, JVM flags for a small fast-starting tool, and the jar shipped
// inside the extension. No VS Code API here.
import type { Executable } from 'vscode-languageclient/node';
import * as path from 'node:path';
import type { JavaFound } from './java';

/** Where the server jar sits inside the extension. */
export const SERVER_JAR = path.join('server', 'go-env-doctor.jar');
/** Where the linux-x64 package keeps its jlink runtime. */
export const BUNDLED_RUNTIME = 'runtime';

/**
 * Flags as the CLI launcher (bin/go-env-doctor) uses them: one GC thread, the C1 compiler only (the server does
 * short bursts of work), a small start heap and a capped one, no perf data file in /tmp, and JVM messages on
 * stderr (stdout carries JSON-RPC). No class data sharing archive of the server's classes: a JDK 17 archive only
 * fits the jar at the path it was made for, and this jar moves when the extension is installed.
 */
export const JVM_FLAGS: readonly string[] = [
  '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xss1m', '-Xms8m', '-Xmx256m', '-XX:-UsePerfData',
  '-Xlog:disable', '-Xlog:all=warning:stderr',
];

/**
 * Returns the command that runs `java <flags> -jar <extension>/server/go-env-doctor.jar serve --stdio`. The
 * working directory is the extension's own: never the workspace, whose files the server only reads.
 */
export function serverExecutable(java: JavaFound, extensionPath: string, env: NodeJS.ProcessEnv): Executable {
  return {
    command: java.executable,
    args: [...JVM_FLAGS, '-jar', path.join(extensionPath, SERVER_JAR), 'serve', '--stdio'],
    options: { cwd: extensionPath, env: { ...env } },
  };
}
