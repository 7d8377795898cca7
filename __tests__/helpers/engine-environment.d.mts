// Types for the engine table of engine-environment.mjs (read by tests that talk to both engines at once).
export declare const ENGINES: { default: null; containerd: string }
