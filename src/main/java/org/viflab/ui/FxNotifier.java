package org.viflab.ui;

import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Tells the user with ControlsFX notifications (a rejected request: its AWS-style code as the title
 * and the coordinator's sentence; something that could not be done: what and why) and, for an
 * unexpected failure, an error dialog with the details expandable. Never throws: a failure to
 * notify must not take the lab down.
 *
 * <p>One error dialog at a time: a failure that repeats (say, in every layout pass) while the
 * dialog is open is not shown again, so the window stays usable.
 */
final class FxNotifier implements Notifier {

    private final Supplier<Window> owner;
    private final Texts texts;
    private Alert shownError;

    FxNotifier(Supplier<Window> owner, Texts texts) {
        this.owner = owner;
        this.texts = texts;
    }

    @Override
    public void rejected(String code, String sentence) {
        try {
            base().title(code).text(sentence).hideAfter(Duration.seconds(6)).showError();
        } catch (RuntimeException ignored) {
            // A notification that cannot show (no window yet) is not worth losing the lab over.
        }
    }

    @Override
    public void info(String text) {
        try {
            base().title(texts.get("app.title")).text(text).hideAfter(Duration.seconds(3)).showInformation();
        } catch (RuntimeException ignored) {
            // see rejected()
        }
    }

    @Override
    public void failed(String what, String why) {
        try {
            base().title(what).text(why).hideAfter(Duration.seconds(12)).showError();
        } catch (RuntimeException ignored) {
            // see rejected()
        }
    }

    @Override
    public void unexpected(String what, Throwable error) {
        if (shownError != null && shownError.isShowing()) {
            return;
        }
        try {
            shownError = ErrorDialog.create(owner.get(), texts, what, error);
            shownError.show();
        } catch (RuntimeException ignored) {
            // see rejected()
        }
    }

    private Notifications base() {
        Notifications n = Notifications.create().position(Pos.BOTTOM_RIGHT);
        Window w = owner.get();
        if (w != null && w.isShowing()) {
            n.owner(w);
        }
        return n;
    }
}
