package org.viflab.ui.flows;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.viflab.ui.Texts;

/** A table of trace hops: number, component, action, header after the hop, and why. */
final class HopTable extends TableView<HopRow> {

    HopTable(ObservableList<HopRow> hops, Texts texts) {
        super(hops);
        getStyleClass().add("hop-table");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<HopRow, Number> seq = new TableColumn<>("#");
        seq.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().seq()));
        seq.setPrefWidth(36);
        seq.setMaxWidth(50);
        TableColumn<HopRow, String> component = column(texts.get("hops.component"), 170);
        component.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().component()));
        TableColumn<HopRow, String> action = column(texts.get("hops.action"), 100);
        action.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().action()));
        TableColumn<HopRow, String> header = column(texts.get("hops.header"), 190);
        header.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().header()));
        TableColumn<HopRow, String> detail = column(texts.get("hops.detail"), 300);
        detail.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().detail()));
        getColumns().add(seq);
        getColumns().add(component);
        getColumns().add(action);
        getColumns().add(header);
        getColumns().add(detail);
        setPlaceholder(new javafx.scene.control.Label(texts.get("hops.none")));
    }

    private static TableColumn<HopRow, String> column(String title, double width) {
        TableColumn<HopRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        return c;
    }
}
