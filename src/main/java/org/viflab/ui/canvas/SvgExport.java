package org.viflab.ui.canvas;

import java.util.List;
import java.util.Locale;
import org.viflab.model.Partition;
import org.viflab.model.PhysicalNic;
import org.viflab.model.ResourceInstance;
import org.viflab.model.ServicePlatform;
import org.viflab.model.Subnet;

/**
 * The whole canvas as an SVG document, drawn from the layout (not from the screen): every node,
 * the links and the flow paths, in the light theme's colours. Handy for handouts and slides.
 */
public final class SvgExport {

    private SvgExport() {
    }

    public static String svg(Layout layout, List<FlowPath> paths) {
        Rect world = layout.world();
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                        + "font-family=\"sans-serif\" font-size=\"12\">%n", world.w(), world.h(), world.w(), world.h()));
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#f4f6f9\"/>\n");
        for (CanvasKey.Kind kind : CanvasKey.Kind.values()) {
            if (kind == CanvasKey.Kind.INTERFACE) {
                for (Link link : layout.links()) {
                    out.append(String.format(Locale.ROOT,
                            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"/>%n",
                            link.x1(), link.y1(), link.x2(), link.y2(),
                            link.type() == Link.Type.SUBNET || link.type() == Link.Type.NIC ? "#8a94a6" : "#d19a2a",
                            link.type() == Link.Type.SUBNET || link.type() == Link.Type.NIC ? "1" : "3"));
                }
            }
            for (Item item : layout.items().values()) {
                if (item.key().kind() == kind) {
                    node(out, item);
                }
            }
        }
        String[] colours = {"#e8590c", "#7048e8", "#0c8599", "#c2255c", "#5c940d", "#1864ab"};
        for (FlowPath path : paths) {
            StringBuilder points = new StringBuilder();
            for (CanvasKey key : path.keys()) {
                layout.item(key).ifPresent(i -> points.append(String.format(Locale.ROOT, "%.1f,%.1f ",
                        i.bounds().centerX(), i.bounds().centerY())));
            }
            String colour = path.colour() < 0 ? "#f59f00" : colours[path.colour() % colours.length];
            out.append(String.format(Locale.ROOT,
                    "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%d\"%s opacity=\"0.85\"/>%n",
                    points.toString().trim(), colour, path.emphasised() ? 6 : 3,
                    path.successful() ? "" : " stroke-dasharray=\"12 7\""));
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private static void node(StringBuilder out, Item item) {
        Rect b = item.bounds();
        String fill;
        String stroke;
        double radius = 6;
        String title = item.key().id();
        String second = "";
        switch (item.key().kind()) {
            case PARTITION -> {
                fill = "#e7f0fb";
                stroke = "#6b97cf";
                radius = 20;
                Partition p = (Partition) item.model();
                title = p.id() + "  " + p.cidr();
            }
            case SUBNET -> {
                fill = "#d4e5f7";
                stroke = "#8fb3de";
                Subnet s = (Subnet) item.model();
                title = s.id() + "  " + s.cidr() + "   " + item.count() + " free";
            }
            case ZONE -> {
                fill = "#f1f0ea";
                stroke = "#a9a48f";
                radius = 14;
                title = "zone " + item.model();
            }
            case TRAY -> {
                fill = "#f7efe2";
                stroke = "#a9a48f";
                radius = 14;
                title = "not placed";
            }
            case PLATFORM -> {
                fill = "#ffffff";
                stroke = "#9aa3b1";
                title = ((ServicePlatform) item.model()).id().value();
            }
            case NIC -> {
                PhysicalNic nic = (PhysicalNic) item.model();
                fill = nic.up() ? "#b2f2bb" : "#ffc9c9";
                stroke = "#5c7a5f";
                title = (nic.up() ? "▲ " : "▼ ") + nic.id();
            }
            case INSTANCE -> {
                ResourceInstance i = (ResourceInstance) item.model();
                fill = "#eef7ee";
                stroke = i.isRunning() ? "#2f9e44" : "#868e96";
                title = i.id() + "  " + i.type();
            }
            case INTERFACE -> {
                Item.Chip chip = (Item.Chip) item.model();
                fill = chip.attached() ? "#fff4e0" : "#ffffff";
                stroke = "#d9822b";
                title = chip.record().id().value();
                second = chip.record().primaryIp() + (chip.record().publicIps().isEmpty() ? ""
                        : " · " + chip.record().publicIps().get(0).publicIp());
            }
            case INTERNET -> {
                fill = "#fff7e6";
                stroke = "#d19a2a";
                radius = 28;
                title = "internet";
            }
            case ON_PREMISES -> {
                fill = "#fff7e6";
                stroke = "#d19a2a";
                radius = 28;
                title = "on-premises " + ((Partition) item.model()).vpnOnPremises().map(Object::toString).orElse("");
            }
            case GATEWAY -> {
                fill = "#fff7e6";
                stroke = "#d19a2a";
                radius = 11;
                title = item.key().id().startsWith("igw:") ? "IGW" : "VPN";
            }
            default -> {
                fill = "#ffffff";
                stroke = "#000000";
            }
        }
        out.append(String.format(Locale.ROOT,
                "<g><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.0f\" fill=\"%s\" stroke=\"%s\"/>"
                        + "<text x=\"%.1f\" y=\"%.1f\" font-weight=\"bold\">%s</text>", b.x(), b.y(), b.w(), b.h(), radius,
                fill, stroke, b.x() + 8, b.y() + 17, escape(title)));
        if (!second.isEmpty()) {
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#5b6475\">%s</text>",
                    b.x() + 8, b.y() + 30, escape(second)));
        }
        out.append("</g>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
