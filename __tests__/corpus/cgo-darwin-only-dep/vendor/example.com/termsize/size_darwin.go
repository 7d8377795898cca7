package termsize

/*
#include <sys/ioctl.h>
static int width(void) { struct winsize w; ioctl(0, TIOCGWINSZ, &w); return w.ws_col; }
*/
import "C"

// Width is the terminal width.
func Width() int { return int(C.width()) }
