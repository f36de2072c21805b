package org.viflab.ui;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/**
 * The dialog for a failure nobody planned for: a plain sentence, the details (the stack trace)
 * expandable beneath it. The lab stays open behind it.
 */
final class ErrorDialog {

    private ErrorDialog() {
    }

    static Alert create(Window owner, Texts texts, String what, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(texts.get("error.title"));
        alert.setHeaderText(what);
        alert.setContentText(texts.get("error.kept") + "\n\n" + (error.getMessage() == null ? error.getClass().getSimpleName()
                : error.getMessage()));
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        details.setWrapText(false);
        details.setMaxWidth(Double.MAX_VALUE);
        details.setMaxHeight(Double.MAX_VALUE);
        GridPane.setVgrow(details, Priority.ALWAYS);
        GridPane.setHgrow(details, Priority.ALWAYS);
        GridPane content = new GridPane();
        content.setMaxWidth(Double.MAX_VALUE);
        content.add(new Label(texts.get("error.details")), 0, 0);
        content.add(details, 0, 1);
        alert.getDialogPane().setExpandableContent(content);
        return alert;
    }
}
