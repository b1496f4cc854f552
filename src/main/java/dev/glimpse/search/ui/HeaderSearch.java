package dev.glimpse.search.ui;

import dev.glimpse.base.HeaderPart;

/** Puts the {@link SearchBox} in the header of every page. */
@org.springframework.stereotype.Component
class HeaderSearch implements HeaderPart {

    @Override
    public com.vaadin.flow.component.Component create() {
        return new SearchBox();
    }
}
