/**
 * Test support that builds the real all-MiniLM-L6-v2 checkpoint from the ONNX model Maven Central serves, so that a
 * clone of the repository carries no 87 MB weight file: a reader of ONNX initializers (protobuf wire format) and the
 * mapping of its tensors to transformers' BertModel names.
 */
package dev.glimpse.testsupport.onnx;
