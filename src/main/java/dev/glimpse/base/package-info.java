/**
 * The application itself: the Spring Boot entry point with the pushed Vaadin app shell, the main
 * layout, error handling and configuration shared by every feature. Features depend on nothing here
 * except configuration; this package wires them together.
 */
@NullMarked
package dev.glimpse.base;

import org.jspecify.annotations.NullMarked;
