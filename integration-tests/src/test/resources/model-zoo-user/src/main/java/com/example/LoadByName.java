package com.example;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import java.awt.image.BufferedImage;

/** Loads a pretrained model by name, as the README shows, and classifies one image. */
public final class LoadByName {
    public static void main(String[] args) throws Exception {
        BufferedImage trouser = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        for (int y = 2; y < 26; y++) {
            for (int x = 8; x < 20; x++) {
                if (x < 12 || x > 15 || y < 8) {
                    trouser.setRGB(x, y, 0xffffff); // two legs joined at the top
                }
            }
        }
        Image image = ImageFactory.getInstance().fromImage(trouser);
        Criteria<Image, Classifications> criteria =
                Criteria.builder()
                        .setTypes(Image.class, Classifications.class)
                        .optGroupId("io.github.manifoldmixup.zoo")
                        .optArtifactId("resnet-fashion-mnist")
                        .optFilter("mixup", "manifold")
                        .build();
        try (ZooModel<Image, Classifications> model = criteria.loadModel();
                Predictor<Image, Classifications> predictor = model.newPredictor()) {
            Classifications result = predictor.predict(image);
            System.out.println("best=" + result.best().getClassName());
            System.out.println("classes=" + result.getClassNames().size());
            System.out.println("testAccuracy=" + model.getProperty("testAccuracy"));
        }
    }
}
