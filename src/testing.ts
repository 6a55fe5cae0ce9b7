/**
 * @module imagekit-universal/testing
 * The ImageKit emulator for your own tests: msw handlers and a loopback HTTP server.
 */
export {};
