package org.mentormatch.tools;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Where names come from. Most are Latin-script (some with accents); a few are in the script of the
 * region, given as "display|first|last" with the ASCII parts for the e-mail address.
 */
enum Region {
  ANGLO(
      "Olivia,James,Amelia,Oliver,Emily,Jack,Sophie,Harry,Chloe,Thomas,Grace,William,Ella,"
          + "George,Jessica,Daniel,Hannah,Michael,Sarah,David,Laura,Matthew,Rachel,Andrew,Megan,"
          + "Christopher,Lauren,Ryan,Katie,Liam,Aisling,Siobhán,Niamh,Seán,Zoë,Renée,Tyler,"
          + "Madison,Brandon,Ashley,Jordan,Jasmine,DeShawn,Malik,Keisha,Marcus,Noah,Ava,Ethan,"
          + "Mia,Isabella,Mason,Charlotte,Logan,Abigail,Caleb,Harper,Owen,Evelyn,Aaliyah,Tariq,"
          + "Imani,Connor,Bridget,Declan",
      "Smith,Jones,Williams,Taylor,Brown,Davies,Evans,Wilson,Thomas,Johnson,Roberts,Walker,"
          + "Wright,Robinson,Thompson,White,Hughes,Edwards,Green,Hall,Wood,Harris,Clarke,Jackson,"
          + "O'Brien,O'Connor,Murphy,Kelly,MacDonald,Campbell,Anderson,Miller,Davis,Garcia,"
          + "Martinez,Rodriguez,Nguyen,Kim,Patel,Chen,Washington,Rivera,Flores,Ramirez,Cohen,"
          + "Goldberg,Nakamura,Okafor,Adeyemi,Mensah,Baker,Cooper,Morgan,Bell,Murray,Reid,"
          + "Fitzgerald,Sullivan,Brennan",
      "김민준|Minjun|Kim;이서연|Seoyeon|Lee;Ελένη Γεωργίου|Eleni|Georgiou"),
  GERMANIC(
      "Lukas,Leon,Jonas,Felix,Maximilian,Paul,Anna,Lena,Leonie,Marie,Katharina,Julia,Jürgen,"
          + "Björn,Jörg,Günther,Sören,Kübra,Emre,Mehmet,Ayşe,Łukasz,Małgorzata,Agnieszka,Piotr,"
          + "Katarzyna,Zoë,Mia,Emma,Hannah,Lea,Tobias,Sebastian,Florian,Niklas,Johanna,"
          + "Franziska,Stefan,Andreas,Sabine,Ursula,Wolfgang,Jana,Tomáš,Lenka,Søren,Ingrid,Lars,"
          + "Annika,Matthias",
      "Müller,Schmidt,Schneider,Fischer,Weber,Meyer,Wagner,Becker,Schulz,Hoffmann,Schäfer,Koch,"
          + "Bauer,Richter,Klein,Wolf,Schröder,Neumann,Zimmermann,Krüger,Yılmaz,Kaya,Demir,Çelik,"
          + "Nowak,Kowalski,Wiśniewski,Wójcik,Lewandowski,Kowalczyk,Braun,Hartmann,Lange,Werner,"
          + "Krause,Lehmann,Köhler,Maier,Huber,Dvořák,Novák,Jensen,Nielsen,Andersson,"
          + "van der Berg,de Vries",
      "Дмитрий Смирнов|Dmitry|Smirnov;Ольга Иванова|Olga|Ivanova;"
          + "Νίκος Παπαδόπουλος|Nikos|Papadopoulos"),
  FRENCH(
      "Camille,Léa,Chloé,Manon,Inès,Louis,Gabriel,Hugo,Théo,Raphaël,Arthur,Jules,Élodie,"
          + "Mathilde,Clément,Françoise,Amélie,Hélène,Jérôme,François,Anaïs,Noémie,Yanis,Karim,"
          + "Fatima,Sébastien,Aurélie,Margaux,Mathis,Océane,Benoît,Céline,Nathalie,Pierre,"
          + "Julien,Émilie,Amine,Sofiane,Leïla,Maël",
      "Martin,Bernard,Dubois,Robert,Richard,Petit,Durand,Leroy,Moreau,Simon,Laurent,Lefèvre,"
          + "Michel,Garnier,Faure,Rousseau,Fontaine,Chevalier,Benali,Haddad,Lefebvre,Mercier,"
          + "Dupont,Bonnet,Girard,André,Lambert,Gauthier,Perrin,Morel,Boucher,Mansouri,Traoré,"
          + "Diallo,N'Diaye",
      "يوسف حداد|Youssef|Haddad;ليلى منصور|Leila|Mansour"),
  LUSO_HISPANIC(
      "José,João,Maria,Ana,Luíza,Lucas,Mateus,Beatriz,Larissa,Thiago,Rafael,Fernanda,Juliana,"
          + "Letícia,Gonçalo,Caio,Vinícius,Antônio,Sebastián,Sofía,Valentina,Alejandro,Martín,"
          + "Lucía,Ramón,Núria,Gabriela,Bruno,Felipe,Camila,Isabela,Pedro,Guilherme,Mariana,"
          + "Renata,Diego,Joaquín,Carolina,Paulo,Íris",
      "Silva,Santos,Oliveira,Souza,Rodrigues,Ferreira,Alves,Pereira,Lima,Gomes,Costa,Ribeiro,"
          + "Martins,Carvalho,Almeida,Araújo,Gonçalves,Conceição,Fernández,García,López,Martínez,"
          + "Sánchez,Pérez,Gómez,Núñez,Muñoz,Peña,Barbosa,Rocha,Dias,Nascimento,Moreira,Cardoso,"
          + "Teixeira,Castro,Azevedo,Monteiro",
      ""),
  INDIAN(
      "Aarav,Vivaan,Aditya,Arjun,Rohan,Priya,Ananya,Diya,Aisha,Saanvi,Ishaan,Kavya,Rahul,Neha,"
          + "Pooja,Vikram,Sanjay,Lakshmi,Deepika,Karthik,Meera,Siddharth,Harpreet,Gurpreet,"
          + "Farhan,Zainab,Anjali,Nikhil,Shreya,Varun,Divya,Akash,Sneha,Manoj,Sunita,Ravi,Arun,"
          + "Swati,Aditi,Vikas",
      "Sharma,Verma,Gupta,Singh,Kumar,Patel,Reddy,Iyer,Nair,Menon,Rao,Joshi,Desai,Mehta,"
          + "Chatterjee,Banerjee,Mukherjee,Krishnan,Pillai,Khan,Das,Bhat,Kulkarni,Agarwal,"
          + "Srinivasan,Subramanian,Naidu,Shetty,Kapoor,Malhotra,Chopra,Bose,Ghosh,Hegde,Gill",
      "अनिल शर्मा|Anil|Sharma;प्रिया वर्मा|Priya|Verma;கார்த்திக் ராஜா|Karthik|Raja"),
  SINGAPOREAN(
      "Wei,Jun,Hui Min,Xin Yi,Jia Hui,Kai,Ming,Siew Ling,Nurul,Siti,Muhammad,Aisyah,Hafiz,"
          + "Rajesh,Jia Wei,Zhi Hao,Li Ting,Wen Jie,Farah,Amir,Chloe,Ryan,Priya,Daniel",
      "Tan,Lim,Lee,Ng,Ong,Wong,Goh,Chua,Chan,Koh,Teo,Ang,Yeo,Abdullah,Rahman,Ismail,Low,Sim,"
          + "Toh,Chong,Ho,Yap,Loh,Pillai,Nair",
      "王伟|Wei|Wang;李娜|Na|Li;陈静|Jing|Chen;张敏|Min|Zhang"),
  JAPANESE(
      "Haruto,Yuto,Sota,Yui,Hina,Sakura,Ren,Aoi,Takumi,Yuki,Hiroshi,Kenji,Akiko,Yōko,Ryō,Daiki,"
          + "Kaito,Mei,Riko,Shōta,Naoki,Emi,Kazuki,Mao",
      "Sato,Suzuki,Takahashi,Tanaka,Watanabe,Ito,Yamamoto,Nakamura,Kobayashi,Kato,Yoshida,"
          + "Yamada,Saitō,Sasaki,Yamaguchi,Matsumoto,Inoue,Kimura,Hayashi,Shimizu,Ōta,Mori,"
          + "Ikeda,Hashimoto",
      "佐藤 花子|Hanako|Sato;田中 翔太|Shota|Tanaka;鈴木 美咲|Misaki|Suzuki;高橋 健|Ken|Takahashi");

  private final String[] firsts;
  private final String[] firstsAscii;
  private final String[] lasts;
  private final String[] lastsAscii;
  private final String[][] nativeNames;

  Region(String firsts, String lasts, String natives) {
    this.firsts = firsts.split(",");
    this.lasts = lasts.split(",");
    this.firstsAscii = ascii(this.firsts);
    this.lastsAscii = ascii(this.lasts);
    this.nativeNames =
        natives.isEmpty()
            ? new String[0][]
            : Arrays.stream(natives.split(";")).map(n -> n.split("\\|")).toArray(String[][]::new);
  }

  PersonName name(SplittableRandom random) {
    // Native-script names are rarer outside the regions that write them at home.
    double nativeShare = this == JAPANESE || this == SINGAPOREAN || this == INDIAN ? 0.04 : 0.015;
    if (nativeNames.length > 0 && random.nextDouble() < nativeShare) {
      String[] n = nativeNames[random.nextInt(nativeNames.length)];
      return new PersonName(n[0], ascii(n[1]), ascii(n[2]), this);
    }
    int f = random.nextInt(firsts.length);
    int l = random.nextInt(lasts.length);
    return new PersonName(firsts[f] + " " + lasts[l], firstsAscii[f], lastsAscii[l], this);
  }

  private static String[] ascii(String[] names) {
    String[] out = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = ascii(names[i]);
    }
    return out;
  }

  /** The e-mail form of a Latin-script name part: no accents, spaces or apostrophes. */
  private static String ascii(String name) {
    String s =
        name.replace("ł", "l")
            .replace("Ł", "L")
            .replace("ø", "o")
            .replace("ß", "ss")
            .replace("ı", "i");
    s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
  }
}
