package dev.glimpse.testsupport;

import com.vaadin.flow.component.Component;
import java.util.stream.Stream;

/** Looks through a Vaadin component tree on the server, for tests of views without a browser. */
public final class ComponentTree {

    private ComponentTree() {}

    /** The component and everything below it, depth first. */
    public static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(ComponentTree::descendants));
    }

    /** The component with this id below {@code root}; fails the test when there is none. */
    public static <T extends Component> T find(Component root, Class<T> type, String id) {
        return descendants(root)
                .filter(component -> id.equals(component.getId().orElse(null)))
                .map(type::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no component with id " + id));
    }
}
