package org.beatbook.personnel.domain;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.geometry.Positions;

/**
 * A member's photo in the two sizes the site shows, both square JPEGs. Made by decoding the upload (so that only
 * real images pass), cropping it to a centred square and re-encoding it, which also drops any metadata such as GPS
 * positions.
 */
public record Photo(byte[] large, byte[] small, String etag) {

    public static final int LARGE = 256;
    public static final int SMALL = 64;
    /** Guards against "decompression bombs": small files that decode to huge images. */
    private static final long MAX_PIXELS = 50_000_000L;
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    public static Photo from(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new InvalidInput(Violation.of("photo", "photoEmpty"));
        }
        if (upload.length > MAX_BYTES) {
            throw new InvalidInput(Violation.of("photo", "photoTooLarge", MAX_BYTES / (1024 * 1024)));
        }
        BufferedImage image = decode(upload);
        byte[] large = square(image, LARGE);
        return new Photo(large, square(image, SMALL), sha256(large));
    }

    private static BufferedImage decode(byte[] upload) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new InvalidInput(Violation.of("photo", "photoNotImage"));
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                if (!format.equals("jpeg") && !format.equals("png")) {
                    throw new InvalidInput(Violation.of("photo", "photoNotImage"));
                }
                reader.setInput(input, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw new InvalidInput(Violation.of("photo", "photoTooLarge", MAX_BYTES / (1024 * 1024)));
                }
                return reader.read(0);
            }
            finally {
                reader.dispose();
            }
        }
        catch (IOException | RuntimeException broken) {
            if (broken instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw new InvalidInput(Violation.of("photo", "photoNotImage"));
        }
    }

    private static byte[] square(BufferedImage image, int size) {
        // JPEG has no transparency: paint transparent PNGs onto white first.
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thumbnails.of(rgb).crop(Positions.CENTER).size(size, size).outputFormat("jpg").outputQuality(0.85)
                    .toOutputStream(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
