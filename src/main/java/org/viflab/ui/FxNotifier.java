package org.viflab.ui;

import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Tells the user with ControlsFX notifications (a rejected request: its AWS-style code as the title
 * and the coordinator's sentence) and, for an unexpected failure, an error dialog with the details
 * expandable. Never throws: a failure to notify must not take the lab down.
 */
final class FxNotifier implements Notifier {

    private final Supplier<Window> owner;
    private final Texts texts;

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
    public void unexpected(String what, Throwable error) {
        try {
            ErrorDialog.create(owner.get(), texts, what, error).show();
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
