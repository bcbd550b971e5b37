// Signal handling for the terminal front end. In C because a handler may only touch
// async-signal-safe state; the run loop reads the flag between keys.
#ifndef CAIRN_TERMINAL_SIGNALS_H
#define CAIRN_TERMINAL_SIGNALS_H

/// Unblocks SIGHUP, SIGTERM, SIGINT and SIGWINCH and gives SIGWINCH its default action; call before curses starts.
void cairn_reset_signals(void);

/// SIGHUP and SIGTERM set a flag instead of killing the process, so the run loop can keep the draft.
void cairn_install_hangup_handlers(void);
int cairn_hangup_received(void);

/// Saves the terminal's settings now; on a crash signal, restores them and leaves the alternate
/// screen before the signal does its default work, so a crash never leaves a raw terminal.
void cairn_install_crash_handlers(void);

#endif
