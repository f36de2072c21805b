package org.viflab.ui.log;

import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import org.viflab.ui.Texts;

/** The Log tab: one tree row per request, its configuration operations beneath it. */
public final class LogView extends BorderPane {

    private final TreeView<Object> tree = new TreeView<>(new TreeItem<>("log"));

    public LogView(LogViewModel vm, Texts texts, org.viflab.ui.Listening listening) {
        setId("log-view");
        tree.setShowRoot(false);
        tree.setId("log-tree");
        tree.setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("log-rejected", "log-accepted", "op-pending", "op-applied");
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                if (item instanceof LogEntry e) {
                    setText(e.seq() + ". " + e.description() + "   [" + texts.get("log.as", e.principal()) + "]   "
                            + (e.accepted() ? "✔ " + texts.get("log.accepted") : "✖ " + e.result() + ": " + e.message()));
                    getStyleClass().add(e.accepted() ? "log-accepted" : "log-rejected");
                } else if (item instanceof OpRow op) {
                    setText((op.applied() ? "✔ " : "… ") + op.text()
                            + (op.applied() ? "" : "   (" + texts.get("log.pending") + ")"));
                    getStyleClass().add(op.applied() ? "op-applied" : "op-pending");
                }
            }
        });
        setCenter(tree);
        listening.on(vm.entries(), (ListChangeListener<LogEntry>) c -> rebuild(vm));
        listening.on(vm.appliedCountProperty(), (obs, old, now) -> tree.refresh());
        rebuild(vm);
    }

    private void rebuild(LogViewModel vm) {
        TreeItem<Object> root = tree.getRoot();
        root.getChildren().clear();
        for (LogEntry entry : vm.entries()) {
            TreeItem<Object> item = new TreeItem<>(entry);
            entry.operations().forEach(op -> item.getChildren().add(new TreeItem<>(op)));
            item.setExpanded(entry.seq() > vm.entries().size() - 5);
            root.getChildren().add(item);
        }
        if (!root.getChildren().isEmpty()) {
            tree.scrollTo(root.getChildren().size() - 1);
        }
    }
}
