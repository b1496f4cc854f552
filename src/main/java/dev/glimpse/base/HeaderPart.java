package dev.glimpse.base;

import com.vaadin.flow.component.Component;

/**
 * Something a feature puts in the header of every page (the search box), found by {@link MainLayout} as a Spring
 * bean, so that {@code base} names no feature. Each page gets its own component from {@link #create()}.
 */
public interface HeaderPart {

    Component create();
}
