/**
 * The search feature's pages and components: {@link dev.glimpse.search.ui.SearchView} (route {@code search}) with the
 * voice recorder web component, the editable transcript and typed query, the chips of what was understood and the
 * result gallery, and the search box that {@link dev.glimpse.search.ui.HeaderSearch} puts in the header of every
 * page. They only wire components and delegate to {@link dev.glimpse.search.SearchService}; answers reach a page
 * through {@code UI.access}. Nothing outside this package depends on it.
 */
@NullMarked
package dev.glimpse.search.ui;

import org.jspecify.annotations.NullMarked;
