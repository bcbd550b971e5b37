#include "CTerminalSignals.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t hangup_flag = 0;
static struct termios saved_termios;
static int have_saved_termios = 0;

static void on_hangup(int signo) {
    (void)signo;
    hangup_flag = 1;
}

void cairn_reset_signals(void) {
    // A parent may have blocked or ignored signals and passed that on (posix_spawn does): a
    // blocked SIGHUP would leave an orphan on a dead terminal, an ignored SIGWINCH would never
    // resize. Called before curses starts, so that curses installs its own SIGWINCH handler.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGHUP);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGWINCH);
    sigaddset(&wanted, SIGINT);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
    signal(SIGWINCH, SIG_DFL);
}

void cairn_install_hangup_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_hangup;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

int cairn_hangup_received(void) { return hangup_flag != 0; }

static void on_crash(int signo) {
    if (have_saved_termios) tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
    static const char leave[] = "\033[?1049l\033[?25h\r\n";
    ssize_t ignored = write(STDOUT_FILENO, leave, sizeof leave - 1);
    (void)ignored;
    signal(signo, SIG_DFL);
    raise(signo);
}

void cairn_install_crash_handlers(void) {
    if (tcgetattr(STDIN_FILENO, &saved_termios) == 0) have_saved_termios = 1;
    int crashes[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) signal(crashes[i], on_crash);
}
