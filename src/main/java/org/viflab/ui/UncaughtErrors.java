package org.viflab.ui;

import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import org.viflab.coordinator.Repository;

/**
 * What happens to an exception nobody caught, on the FX thread (a view's event handler, a
 * listener, a layout pass) or on another thread of the app: it is logged once, the views are
 * brought back in line with the lab (a handler that failed half-way may have left one behind), and
 * the user is told. The lab itself is not touched: the coordinator changes it in one transaction or
 * not at all, so an exception in the GUI cannot leave it half-changed.
 *
 * <p>A database failure ({@link Repository.StoreException}, say a full disk while a request was
 * being saved) is told with the database's sentence as something that could not be done; anything
 * else is a bug, shown in the error dialog with its details. JavaFX goes on with the next event
 * after the handler returns, so the window keeps working.
 */
final class UncaughtErrors implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = Logger.getLogger(UncaughtErrors.class.getName());

    private final Notifier notifier;
    private final Texts texts;
    private final LabSession session;
    /** Used on the FX thread only. */
    private boolean telling;

    UncaughtErrors(Notifier notifier, Texts texts, LabSession session) {
        this.notifier = notifier;
        this.texts = texts;
        this.session = session;
    }

    /**
     * Handles the FX thread's uncaught exceptions from now on. Call it on the FX thread.
     *
     * @return puts the FX thread's handling back as it was (tests share one FX thread)
     */
    Runnable installOnFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("install the FX thread's error handling on the FX thread");
        }
        Thread fx = Thread.currentThread();
        fx.setUncaughtExceptionHandler(this);
        return () -> fx.setUncaughtExceptionHandler(null);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.log(Level.WARNING, "uncaught on " + thread.getName(), error);
        if (Platform.isFxApplicationThread()) {
            tell(error);
            return;
        }
        try {
            Platform.runLater(() -> tell(error));
        } catch (IllegalStateException toolkitGone) {
            // The window is closed: the log has it.
        }
    }

    private void tell(Throwable error) {
        if (telling) {
            // Failed again while resyncing or telling (JavaFX reports a listener's exception here
            // at once): the log has it, and the user is being told already.
            return;
        }
        telling = true;
        try {
            try {
                session.resync();
            } catch (RuntimeException again) {
                error.addSuppressed(again);
            }
            if (error instanceof Repository.StoreException failed) {
                notifier.failed(texts.get("error.store"), failed.sentence().in(texts.locale()) + " " + texts.get("error.kept"));
            } else {
                notifier.unexpected(texts.get("error.unexpected"), error);
            }
        } finally {
            telling = false;
        }
    }
}
