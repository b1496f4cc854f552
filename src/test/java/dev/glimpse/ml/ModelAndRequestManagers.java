package dev.glimpse.ml;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The two managers the model code works with, fresh for each test: {@code model} holds the weights for the model's
 * lifetime, {@code request} (a sub-manager of it) holds what one request computes. Both are closed after each test.
 */
abstract class ModelAndRequestManagers {

    NDManager model;
    NDManager request;

    @BeforeEach
    void openManagers() {
        model = NDManager.newBaseManager();
        request = model.newSubManager();
    }

    @AfterEach
    void closeManagers() {
        request.close();
        model.close();
    }
}
