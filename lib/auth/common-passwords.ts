/**
 * Passwords that are refused whatever their length: the most-used passwords from public breach lists, and the
 * long-looking ones people pick to get past a 12-character minimum (a common word with digits or a year, keyboard
 * walks, repeated words). lib/auth/password.ts compares lower-cased, and also the "word" left after stripping the
 * digits and symbols people add at either end, so "Password2024!" is caught by "password".
 *
 * Entries are lower-case. This is a small, committed list on purpose (no download, no network at start-up); it
 * backs up the length rule rather than replacing a breach-corpus check.
 */
const LIST = `
password passw0rd p@ssword p@ssw0rd pa55word pa55w0rd passwort contrasena contraseña senha motdepasse parola
123456 1234567 12345678 123456789 1234567890 12345678910 123123 123321 111111 000000 121212 654321 666666 696969
777777 888888 987654321 0987654321 112233 123qwe qwe123 1q2w3e 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y 1qaz2wsx 1qazxsw2
zaq12wsx zaq1zaq1 qazwsx qazwsxedc qwerty qwertyui qwertyuiop qwertyuiopasdfgh qwerty123 qwerty1234 qwertz azerty
asdf asdfgh asdfghjk asdfghjkl zxcvbn zxcvbnm abc123 abcd1234 abcdef abcdefg abcdefgh abcdefghijkl aaaaaa
letmein letmein123 welcome welcome1 welcome123 welcomehome iloveyou iloveyou1 iloveyou123 iloveyoutoo loveyou
lovely loveme love123 trustno1 trustnoone admin admin123 administrator root toor changeme changeit default guest
secret secret123 topsecret login login123 access access123 master master123 passpass mypassword yourpassword
newpassword oldpassword temppassword temporary mypass letmeinplease opensesame whatever nothing unknown
superman batman spiderman ironman pokemon pikachu naruto starwars startrek jedi yoda matrix hogwarts harrypotter
gandalf frodo dragon dragons monkey monkeys tiger lion shadow sunshine princess princesa flower flowers buster
soccer football baseball basketball hockey golf tennis yankees cowboys steelers lakers redsox liverpool chelsea
arsenal barcelona realmadrid juventus america mexico monterrey tigres rayados chivas texas sanantonio dallas
charlie michael jennifer jessica ashley daniel thomas robert jordan hunter andrew joshua matthew anthony william
maria jose juan carlos luis miguel jesus diego alejandro fernanda guadalupe sofia
freedom liberty justice peace happy happiness smile summer winter spring autumn monday friday sunday
computer internet google facebook twitter instagram linkedin youtube microsoft windows apple iphone android
samsung nintendo playstation xbox minecraft fortnite roblox
cheese chocolate cookie cookies pepper ginger banana orange purple yellow silver golden diamond
killer hello hello123 hellohello helloworld hiworld goodbye blahblah qwerty12345 asdf1234 zxcv1234 test test123
testing testing123 tester demo demo123 sample example user user123 username
dateline newsroom newspaper journalist journalism reporter editor editorial
correcthorsebatterystaple correct-horse-battery-staple
iloveyouforever ilovemyfamily ilovemymom ilovemydog ilovemycat imissyou
passwordpassword password12345 password123456 password1234567 password12345678 password123! password1234!
passw0rd123456 p@ssw0rd1234 p@ssword1234 welcome12345 welcome123456 letmein12345 letmein123456
administrator1 administrator123 adminadmin adminadmin123 rootroot rootpassword changeme123 changemenow
qwertyuiop123 qwertyuiop1234 qwerty123456 qwerty1234567 1q2w3e4r5t6y7u 1q2w3e4r5t6y7u8i 1qaz2wsx3edc 1qaz2wsx3edc4rfv
zaq1xsw2cde3 zaq12wsxcde3 qazwsxedcrfv qazwsxedcrfvtgb asdfghjkl123 asdfghjklzxcv zxcvbnm12345 zxcvbnm123456
qweasdzxc qweasdzxc123 qweasd123 qweqweqwe asdasdasd zxczxczxc
123456789012 1234567890123 12345678901234 123456789abc 123456789qwe 12345678abcd 1234qwerasdf 1234qwerasdfzxcv
111111111111 000000000000 121212121212 123123123123 112233445566 987654321987 098765432109 147258369147
abcabcabcabc abcdefghijkl abcdefghijklm abcdefghijklmnop abcdefg12345 abc123abc123 abcd1234abcd
iloveyou12345 iloveyou123456 sunshine12345 princess12345 football12345 baseball12345 superman12345 batman123456
dragon123456 monkey123456 shadow123456 master123456 michael12345 jennifer1234 jordan123456 charlie12345
starwars1234 pokemon12345 minecraft123 fortnite1234 liverpool123 barcelona123 realmadrid12
happybirthday happybirthday1 merrychristmas christmas123 christmas2024 newyear2025 summer2024 summer2025 winter2024
spring2025 autumn2024 january2025 december2024 password2023 password2024 password2025 password2026 welcome2024
welcome2025 welcome2026 company123 company2024 letmein2024 qwerty2024 monday123456 thisismypassword
mypassword123 mypassword1234 mynewpassword mysecretpassword supersecret supersecretpassword verysecret
donotforget dontforgetme forgetmenot rememberme remember123 openupplease pleaseletmein
trustno1trustno1 1234abcd1234 abcd12345678 aa123456789a a1b2c3d4e5f6 a1b2c3d4e5f6g7 1a2b3c4d5e6f
qwertyqwerty asdfasdfasdf zxcvzxcvzxcv passwordqwerty qwertypassword passwordabc123
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
