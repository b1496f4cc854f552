package dev.glimpse.base;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import jakarta.annotation.security.PermitAll;

/** The frame around every page: the product name and a line on what it does. */
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout() {
        H1 title = new H1("Glimpse");
        title.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("margin", "0");
        Span tagline = new Span("Every image captioned. Find it again by what you remember.");
        tagline.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout header = new HorizontalLayout(title, tagline);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.getStyle().set("padding", "0 var(--lumo-space-m)");
        addToNavbar(header);
    }
}
