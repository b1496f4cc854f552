package dev.glimpse.imaging;

import java.awt.image.BufferedImage;

/** An upload that passed inspection: its real format, header dimensions and decoded pixels. */
public record InspectedImage(ImageFormat format, int width, int height, BufferedImage pixels) {}
