/**
 * Letting the till paint and take the next scan while it recomputes its
 * promotions.
 *
 * The browser paints, and runs the cashier's next scan (a key press, a timer), only
 * between tasks: a recomputation that runs in one go (pos_loyalty's, promise after
 * promise, never leaving the task) holds the scanned line off the screen until it
 * ends. The speed layer's computations work in slices of RETAIL_SLICE_MS at most
 * and leave the task between them (retailYield), and a recomputation asked after a
 * scan starts once the line is painted (retailAfterPaint).
 */

/** The longest slice of work between two pauses (ms). */
export const RETAIL_SLICE_MS = 8;
// A hidden tab paints no frame: the recomputation does not wait longer than this
const PAINT_WAIT_MS = 100;

/**
 * Resolves in a new task: what the browser has waiting (a paint, a scan, a timer)
 * runs first. A message, not a timer: the browser delays nested timers by 4 ms.
 */
export function retailYield() {
    return new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
            channel.port1.close();
            resolve();
        };
        channel.port2.postMessage(undefined);
    });
}

/**
 * Resolves after the next frame is painted (the scanned line is on the screen),
 * or after PAINT_WAIT_MS when the browser paints none (a hidden tab).
 */
export function retailAfterPaint() {
    return new Promise((resolve) => {
        let done = false;
        const finish = () => {
            if (!done) {
                done = true;
                resolve();
            }
        };
        // the frame's callbacks (Owl's patch of the screen) run, then the paint,
        // then this task
        requestAnimationFrame(() => setTimeout(finish, 0));
        setTimeout(finish, PAINT_WAIT_MS);
    });
}

/**
 * A clock of slices: `due()` says whether the current slice has run for
 * RETAIL_SLICE_MS; `pause()` yields (retailYield) and starts a new slice.
 */
export function retailSlices() {
    let start = performance.now();
    return {
        due: () => performance.now() - start >= RETAIL_SLICE_MS,
        async pause() {
            await retailYield();
            start = performance.now();
        },
    };
}
